-- Initial schema. Dates are integer epoch milliseconds (UTC).

-- `seq` is the stable integer rowid the full-text index points at; `id` is the public key.
CREATE TABLE articles (
  seq          INTEGER PRIMARY KEY,
  id           TEXT    NOT NULL UNIQUE,
  url          TEXT    NOT NULL,
  guid         TEXT,
  source_id    TEXT,
  outlet       TEXT    NOT NULL,
  title        TEXT    NOT NULL,
  byline       TEXT,
  published_at INTEGER NOT NULL,
  fetched_at   INTEGER NOT NULL,
  text         TEXT    NOT NULL,
  content_hash TEXT    NOT NULL
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_guid ON articles(guid) WHERE guid IS NOT NULL;
CREATE INDEX articles_content_hash ON articles(content_hash);
-- Covering (published_at, seq): a time window maps to a rowid range without touching the table.
CREATE INDEX articles_published ON articles(published_at, seq);

-- External-content FTS5 index over title + text, kept in sync by the triggers below.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text,
  content = 'articles', content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TABLE speakers (
  key  TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT
);
-- Every way a speaker is written, including the name itself; alias_lower is what lookups match.
CREATE TABLE speaker_aliases (
  speaker_key TEXT NOT NULL REFERENCES speakers(key) ON DELETE CASCADE,
  alias       TEXT NOT NULL,
  alias_lower TEXT NOT NULL,
  PRIMARY KEY (speaker_key, alias_lower)
);
CREATE INDEX speaker_aliases_lower ON speaker_aliases(alias_lower);

CREATE TABLE quotes (
  id           TEXT    PRIMARY KEY,
  article_id   TEXT    NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord          INTEGER NOT NULL,
  text         TEXT    NOT NULL,
  speaker      TEXT,
  speaker_key  TEXT,
  speaker_role TEXT,
  cue          TEXT,
  kind         TEXT    NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  confidence   REAL    NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id, ord);
CREATE INDEX quotes_speaker ON quotes(speaker_key);

CREATE TABLE sources (
  id              TEXT PRIMARY KEY,
  url             TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL,
  title           TEXT,
  etag            TEXT,
  last_modified   TEXT,
  last_fetched_at INTEGER,
  last_error      TEXT,
  error_count     INTEGER NOT NULL DEFAULT 0,
  next_retry_at   INTEGER,
  added_at        INTEGER NOT NULL
);

CREATE TABLE subscriptions (
  id           TEXT PRIMARY KEY,
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  topic        TEXT NOT NULL,
  cron         TEXT NOT NULL,
  timezone     TEXT NOT NULL,
  quiet_hours  TEXT,
  max_stories  INTEGER NOT NULL,
  when_empty   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   INTEGER NOT NULL
);
CREATE INDEX subscriptions_channel ON subscriptions(platform, workspace_id, channel_id);

-- One row per (subscription, period): the exactly-once guard for scheduled posts.
CREATE TABLE posts (
  subscription_id TEXT    NOT NULL,
  period          TEXT    NOT NULL,
  state           TEXT    NOT NULL CHECK (state IN ('claimed', 'posted', 'failed')),
  owner           TEXT,
  claimed_at      INTEGER,
  posted_at       INTEGER,
  message_ref     TEXT,
  digest_id       TEXT,
  error           TEXT,
  updated_at      INTEGER NOT NULL,
  UNIQUE (subscription_id, period)
);
CREATE INDEX posts_state ON posts(state);

CREATE TABLE digests (
  id           TEXT PRIMARY KEY,
  topic_key    TEXT NOT NULL,
  platform     TEXT,
  workspace_id TEXT,
  channel_id   TEXT,
  created_at   INTEGER NOT NULL,
  body         TEXT NOT NULL
);
CREATE INDEX digests_where ON digests(platform, workspace_id, channel_id, topic_key, created_at);

CREATE TABLE thread_links (
  platform  TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  digest_id TEXT NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
  UNIQUE (platform, thread_id)
);

CREATE TABLE cache (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE model_usage (
  day               TEXT    NOT NULL,
  model             TEXT    NOT NULL,
  prompt_tokens     INTEGER NOT NULL DEFAULT 0,
  completion_tokens INTEGER NOT NULL DEFAULT 0,
  calls             INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, model)
);
