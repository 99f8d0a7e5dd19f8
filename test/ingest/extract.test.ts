import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.ts';

const page = (name: string) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');

describe('extractArticle', () => {
  it('finds title, byline, site name, published date and the main text without page furniture', () => {
    const a = extractArticle(page('harbour-article.html'), 'https://courier.example/news/tidal');
    expect(a.title).toBe('Tidal barrier vote delayed');
    expect(a.byline).toBe('Mara Quill');
    expect(a.siteName).toBe('The Harbour Courier');
    expect(a.publishedAt?.toISOString()).toBe('2025-06-14T06:15:00.000Z');
    expect(a.canonicalUrl).toBe('https://courier.example/news/tidal-barrier-vote?utm_source=share');
    const paragraphs = a.text.split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^The harbour council postponed its vote/);
    expect(paragraphs[1]).toContain('"We would rather be late than wrong," said council leader Ilse Varga');
    expect(a.text).not.toMatch(/Photo|You May Also Like|Lighthouse reopens|©|Most read|Subscribe|trackPageView|font-family/);
  });

  it('falls back to JSON-LD and <time> for the date and keeps short pages', () => {
    const a = extractArticle(page('short-page.html'), null);
    expect(a).toMatchObject({ title: 'Market hours change', siteName: 'Millbrook Gazette', text: 'The Saturday market will open at eight.' });
    expect(a.publishedAt?.toISOString()).toBe('2025-05-02T07:00:00.000Z');
    const ld = extractArticle(
      '<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2025-03-01T12:00:00Z"}]}</script></head><body><p>Text.</p></body></html>',
      null,
    );
    expect(ld.publishedAt?.toISOString()).toBe('2025-03-01T12:00:00.000Z');
  });

  it('returns an empty result instead of throwing on empty or hostile markup', () => {
    for (const bad of ['', '<<<>>>', '<html><body><script>while(1){}</script></body></html>', '<script type="application/ld+json">{bad json</script>']) {
      const a = extractArticle(bad, null);
      expect(typeof a.text).toBe('string');
      expect(a.text).not.toContain('while(1)');
    }
  });
});
