-- Initial schema. Tables are created unqualified, in the first schema of search_path.

CREATE TABLE articles (
  id           text        PRIMARY KEY,
  url          text        NOT NULL,
  guid         text,
  source_id    text,
  outlet       text        NOT NULL,
  title        text        NOT NULL,
  byline       text,
  published_at timestamptz NOT NULL,
  fetched_at   timestamptz NOT NULL,
  text         text        NOT NULL,
  content_hash text        NOT NULL,
  -- English stemming, title weighted A and body B. The body is cut at 500k characters because a
  -- tsvector is capped at 1 MB.
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A') ||
    setweight(to_tsvector('english'::regconfig, left(text, 500000)), 'B')
  ) STORED
);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_guid ON articles (guid) WHERE guid IS NOT NULL;
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_published ON articles (published_at);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

CREATE TABLE speakers (
  key  text PRIMARY KEY,
  name text NOT NULL,
  role text
);
-- Every way a speaker is written, including the name itself; alias_lower is what lookups match.
CREATE TABLE speaker_aliases (
  speaker_key text NOT NULL REFERENCES speakers (key) ON DELETE CASCADE,
  alias       text NOT NULL,
  alias_lower text NOT NULL,
  PRIMARY KEY (speaker_key, alias_lower)
);

CREATE TABLE quotes (
  id           text             PRIMARY KEY,
  article_id   text             NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord          integer          NOT NULL,
  text         text             NOT NULL,
  speaker      text,
  speaker_key  text,
  speaker_role text,
  cue          text,
  kind         text             NOT NULL,
  start_offset integer          NOT NULL,
  end_offset   integer          NOT NULL,
  confidence   double precision NOT NULL
);
CREATE INDEX quotes_article ON quotes (article_id, ord);
CREATE INDEX quotes_speaker ON quotes (speaker_key);

CREATE TABLE sources (
  id              text        PRIMARY KEY,
  url             text        NOT NULL UNIQUE,
  kind            text        NOT NULL,
  title           text,
  etag            text,
  last_modified   text,
  last_fetched_at timestamptz,
  last_error      text,
  error_count     integer     NOT NULL DEFAULT 0,
  next_retry_at   timestamptz,
  added_at        timestamptz NOT NULL
);

CREATE TABLE subscriptions (
  id           text        PRIMARY KEY,
  platform     text        NOT NULL,
  workspace_id text        NOT NULL,
  channel_id   text        NOT NULL,
  topic        text        NOT NULL,
  cron         text        NOT NULL,
  timezone     text        NOT NULL,
  quiet_hours  text,
  max_stories  integer     NOT NULL,
  when_empty   text        NOT NULL,
  created_by   text        NOT NULL,
  created_at   timestamptz NOT NULL
);
CREATE INDEX subscriptions_channel ON subscriptions (platform, workspace_id, channel_id);

-- One row per (subscription, period): the exactly-once guard for scheduled posts.
CREATE TABLE posts (
  subscription_id text        NOT NULL,
  period          text        NOT NULL,
  state           text        NOT NULL CHECK (state IN ('claimed', 'posted', 'failed')),
  owner           text,
  claimed_at      timestamptz,
  posted_at       timestamptz,
  message_ref     text,
  digest_id       text,
  error           text,
  updated_at      timestamptz NOT NULL,
  UNIQUE (subscription_id, period)
);
CREATE INDEX posts_state ON posts (state);

-- The body is JSON kept as text (jsonb cannot hold \u0000, which untrusted article text may contain).
CREATE TABLE digests (
  id           text        PRIMARY KEY,
  topic_key    text        NOT NULL,
  platform     text,
  workspace_id text,
  channel_id   text,
  created_at   timestamptz NOT NULL,
  body         text        NOT NULL
);
CREATE INDEX digests_where ON digests (platform, workspace_id, channel_id, topic_key, created_at);

CREATE TABLE thread_links (
  platform  text NOT NULL,
  thread_id text NOT NULL,
  digest_id text NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
  UNIQUE (platform, thread_id)
);

CREATE TABLE cache (
  key        text        PRIMARY KEY,
  value      text        NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE model_usage (
  day               text   NOT NULL,
  model             text   NOT NULL,
  prompt_tokens     bigint NOT NULL DEFAULT 0,
  completion_tokens bigint NOT NULL DEFAULT 0,
  calls             bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, model)
);
