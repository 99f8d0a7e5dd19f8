-- Full-text search moves from one articles_fts table to one table per week of publication time
-- (see src/adapters/sqlite/fts-buckets.ts), written by the adapter instead of triggers. The adapter
-- moves an existing articles_fts into buckets the first time it opens the database, then drops it.
DROP TRIGGER IF EXISTS articles_fts_insert;
DROP TRIGGER IF EXISTS articles_fts_delete;
DROP TRIGGER IF EXISTS articles_fts_update;
CREATE TABLE fts_buckets (
  key  INTEGER PRIMARY KEY,
  name TEXT    NOT NULL UNIQUE
);

-- /whosaid reads a speaker's newest quotes: with the publication time on the quote, that is a walk
-- down one index that stops after `limit` rows instead of sorting every quote the speaker ever gave.
ALTER TABLE quotes ADD COLUMN published_at INTEGER;
UPDATE quotes SET published_at = (SELECT a.published_at FROM articles a WHERE a.id = quotes.article_id);
CREATE INDEX quotes_speaker_time ON quotes(speaker_key, published_at DESC);
CREATE INDEX quotes_time ON quotes(published_at DESC);
-- A re-dated article carries its quotes along.
CREATE TRIGGER quotes_follow_article_time AFTER UPDATE OF published_at ON articles
  WHEN old.published_at IS NOT new.published_at
BEGIN
  UPDATE quotes SET published_at = new.published_at WHERE article_id = new.id;
END;
