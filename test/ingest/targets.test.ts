import { describe, expect, it } from 'vitest';
import { guessUrlKind } from '../../src/ingest/targets.ts';

describe('guessUrlKind', () => {
  it('reads feed-looking URLs as feeds, whichever way the source is added', () => {
    for (const url of [
      'https://news.example/rss-news/',
      'https://news.example/index.rdf',
      'https://news.example/feeds/all',
      'https://news.example/feed/',
      'https://news.example/rss.php',
      'https://news.example/world.xml',
      'https://news.example/blog/feed.json',
      'https://news.example/list?format=rss',
      'https://news.example/atom',
    ]) expect(guessUrlKind(url), url).toBe('feed');
  });

  it('reads article and section URLs as pages', () => {
    for (const url of ['https://news.example/2024/05/feeding-the-city', 'https://news.example/rssi-measurements', 'https://news.example/', 'https://news.example/news/atomic-clock']) {
      expect(guessUrlKind(url), url).toBe('page');
    }
  });
});
