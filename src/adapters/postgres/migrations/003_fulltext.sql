-- Full text behind teaser feeds. text_source says where an article's text came from:
--   'feed'    the feed carried it (full content, or a teaser too long to be thin)
--   'pending' a thin item whose page is still to be fetched (fetch-article)
--   'page'    the article page, read with Readability
--   'teaser'  a thin item kept as its teaser; text_note says why (paywall, robots.txt, HTTP 404 …)
-- feed_hash is the content hash of the feed's own version of the item: an unchanged feed item is
-- never fetched again, an edited one once more. sources.fulltext is auto|always|never, or NULL
-- for the configured default (NEWSBOT_FULLTEXT).
ALTER TABLE articles ADD COLUMN text_source text NOT NULL DEFAULT 'feed';
ALTER TABLE articles ADD COLUMN text_note text;
ALTER TABLE articles ADD COLUMN feed_hash text;
ALTER TABLE sources ADD COLUMN fulltext text;
CREATE INDEX articles_teasers ON articles (source_id) WHERE text_source = 'teaser';
