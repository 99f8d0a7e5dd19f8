-- Chat posts that finally failed, one row each (they were a JSON list per platform in the cache,
-- rewritten on every failure). `at` is epoch ms. Readable records of those lists move here; a list
-- that is not valid JSON stays in the cache, where `newsbot jobs failed` reports it.
CREATE TABLE failed_chat_posts (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  platform   TEXT    NOT NULL,
  what       TEXT    NOT NULL,
  channel_id TEXT    NOT NULL,
  error      TEXT    NOT NULL,
  at         INTEGER NOT NULL
);
CREATE INDEX failed_chat_posts_platform ON failed_chat_posts(platform, id);

INSERT INTO failed_chat_posts (platform, what, channel_id, error, at)
SELECT substr(c.key, 1, instr(c.key, ':') - 1),
       json_extract(e.value, '$.what'),
       json_extract(e.value, '$.channelId'),
       json_extract(e.value, '$.error'),
       CAST(round((julianday(json_extract(e.value, '$.at')) - 2440587.5) * 86400000) AS INTEGER)
FROM cache c, json_each(CASE WHEN json_valid(c.value) AND json_type(c.value) = 'array' THEN c.value ELSE '[]' END) e
WHERE c.key IN ('discord:failed-posts', 'slack:failed-posts')
  AND json_type(e.value, '$.what') = 'text'
  AND json_type(e.value, '$.channelId') = 'text'
  AND json_type(e.value, '$.error') = 'text'
  AND julianday(json_extract(e.value, '$.at')) IS NOT NULL
ORDER BY c.key, e.key;

DELETE FROM cache
WHERE key IN ('discord:failed-posts', 'slack:failed-posts') AND json_valid(value) AND json_type(value) = 'array';
