-- /whosaid reads a speaker's newest quotes: with the publication time on the quote, that is a walk
-- down one index that stops after `limit` rows instead of sorting every quote the speaker ever gave.
ALTER TABLE quotes ADD COLUMN published_at timestamptz;
UPDATE quotes q SET published_at = a.published_at FROM articles a WHERE a.id = q.article_id;
CREATE INDEX quotes_speaker_time ON quotes (speaker_key, published_at DESC);
CREATE INDEX quotes_time ON quotes (published_at DESC);
-- A re-dated article carries its quotes along.
CREATE FUNCTION quotes_follow_article_time() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE quotes SET published_at = NEW.published_at WHERE article_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER quotes_follow_article_time AFTER UPDATE OF published_at ON articles
  FOR EACH ROW WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at)
  EXECUTE FUNCTION quotes_follow_article_time();
