-- Chat posts that finally failed, one row each (they were a JSON list per platform in the cache,
-- rewritten on every failure). Readable records of those lists move here; a list that is not
-- valid JSON stays in the cache, where `newsbot jobs failed` reports it.
CREATE TABLE failed_chat_posts (
  id         bigserial   PRIMARY KEY,
  platform   text        NOT NULL,
  what       text        NOT NULL,
  channel_id text        NOT NULL,
  error      text        NOT NULL,
  at         timestamptz NOT NULL
);
CREATE INDEX failed_chat_posts_platform ON failed_chat_posts(platform, id);

-- Only values that look like a JSON array are cast; a cast that still fails leaves that list in
-- the cache (reported by the CLI) instead of failing the migration.
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT key, value FROM cache WHERE key IN ('discord:failed-posts', 'slack:failed-posts') AND value ~ '^\s*\[' LOOP
    BEGIN
      INSERT INTO failed_chat_posts (platform, what, channel_id, error, at)
      SELECT split_part(c.key, ':', 1), e->>'what', e->>'channelId', e->>'error', (e->>'at')::timestamptz
      FROM jsonb_array_elements(c.value::jsonb) WITH ORDINALITY AS t(e, n)
      WHERE jsonb_typeof(e->'what') = 'string' AND jsonb_typeof(e->'channelId') = 'string'
        AND jsonb_typeof(e->'error') = 'string' AND jsonb_typeof(e->'at') = 'string'
      ORDER BY n;
      DELETE FROM cache WHERE key = c.key;
    EXCEPTION WHEN others THEN
      RAISE NOTICE 'failed-post list % left in the cache: %', c.key, SQLERRM;
    END;
  END LOOP;
END $$;
