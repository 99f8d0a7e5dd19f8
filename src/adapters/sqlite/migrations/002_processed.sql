-- Which content version of an article has had its quotes and summary worked out. NULL means
-- pending: a new article, or one whose text changed since (save() resets it). A worker that
-- starts re-enqueues pending articles, so a crash between ingest and processing loses nothing.
-- Rows that exist already were processed when they were stored.
ALTER TABLE articles ADD COLUMN processed_hash TEXT;
UPDATE articles SET processed_hash = content_hash;
CREATE INDEX articles_pending ON articles(id) WHERE processed_hash IS NULL;
