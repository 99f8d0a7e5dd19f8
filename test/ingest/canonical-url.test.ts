import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/ingest/canonical-url.ts';
import { articleId, contentHash } from '../../src/ingest/content-hash.ts';

describe('canonicalUrl', () => {
  it('lower-cases scheme and host, drops default port, fragment and tracking parameters, sorts the rest', () => {
    expect(canonicalUrl('HTTPS://News.Example:443/Story/?utm_source=rss&b=2&fbclid=x&a=1&gclid=y&mc_cid=z&ref=home#comments')).toBe(
      'https://news.example/Story?a=1&b=2',
    );
    expect(canonicalUrl('http://news.example:80/a/index.html')).toBe('http://news.example/a');
    expect(canonicalUrl('https://news.example')).toBe('https://news.example/');
    expect(canonicalUrl('https://news.example/a?id=7')).toBe('https://news.example/a?id=7');
  });

  it('gives the same key for the same article from two feeds', () => {
    expect(canonicalUrl('https://courier.example/news/x?utm_medium=feed&utm_campaign=a')).toBe(
      canonicalUrl('https://COURIER.example/news/x/?utm_source=newsletter#top'),
    );
  });

  it('leaves non-web URLs and junk as they are', () => {
    expect(canonicalUrl('file:///tmp/a.txt')).toBe('file:///tmp/a.txt');
    expect(canonicalUrl('not a url')).toBe('not a url');
  });
});

describe('contentHash and articleId', () => {
  it('ignores whitespace, case and typographic quote differences but not words', () => {
    const a = contentHash('Ferry fares frozen', '\u201cNobody should pay more,\u201d she said.\n\nEnd.');
    expect(contentHash('ferry  fares frozen', '"Nobody should pay more," she said. End.')).toBe(a);
    expect(contentHash('Ferry fares frozen', '"Nobody should pay less," she said. End.')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('derives stable 16-hex ids', () => {
    expect(articleId('https://courier.example/a')).toBe(articleId('https://courier.example/a'));
    expect(articleId('https://courier.example/a')).toMatch(/^[0-9a-f]{16}$/);
  });
});
