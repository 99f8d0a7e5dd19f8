// The sample corpus in examples/ is what `npm start` ingests with no configuration, so it must
// parse cleanly in both forms and stay in sync: the text files are the source, feed.xml is built
// from them by scripts/build-example-feed.ts.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, type ExampleArticle, parseExampleArticle, readExampleArticles, renderFeed } from '../../scripts/build-example-feed.ts';
import { parseFeedText } from '../../src/ingest/feeds.ts';
import { parseTextArticle } from '../../src/ingest/text-file.ts';

let articles: ExampleArticle[] = [];
let feedXml = '';

beforeAll(async () => {
  articles = await readExampleArticles();
  feedXml = await readFile(path.join(EXAMPLES_DIR, 'feed.xml'), 'utf8');
});

const words = (a: ExampleArticle) => a.paragraphs.join(' ').split(/\s+/).length;

describe('sample article files', () => {
  it('hold at least 30 articles, each with header, title line, paragraphs and a fiction label', () => {
    expect(articles.length).toBeGreaterThanOrEqual(30);
    for (const a of articles) {
      expect(a.title.length, a.file).toBeGreaterThan(10);
      expect(a.paragraphs.length, a.file).toBeGreaterThanOrEqual(5);
      expect(a.label, a.file).toMatch(/Fiction: .*invented/);
      expect(a.file).toMatch(/^\d\d-[a-z0-9-]+\.txt$/);
    }
  });

  it('are news-length (250-600 words) and dated 2026-11-25 to 2026-11-28', () => {
    for (const a of articles) {
      expect(words(a), a.file).toBeGreaterThanOrEqual(250);
      expect(words(a), a.file).toBeLessThanOrEqual(600);
      expect(a.publishedAt.toISOString() >= '2026-11-25', a.file).toBe(true);
      expect(a.publishedAt.toISOString() < '2026-11-29', a.file).toBe(true);
    }
  });

  it('are rich in quotations: every article quotes someone at least twice, with balanced marks', () => {
    for (const a of articles) {
      const text = a.paragraphs.join('\n');
      const quotes = text.match(/[“"][^”"]+[”"]/g) ?? [];
      expect(quotes.length, a.file).toBeGreaterThanOrEqual(2);
      // A paragraph may leave one quote open only when the next paragraph continues it (news
      // style for quotes that run over several paragraphs); the last paragraph closes everything.
      a.paragraphs.forEach((p, i) => {
        const open = (p.match(/“/g) ?? []).length - (p.match(/”/g) ?? []).length;
        const next = a.paragraphs[i + 1];
        expect(open === 0 || (open === 1 && next !== undefined && next.startsWith('“')), `${a.file} paragraph ${i + 1}`).toBe(true);
      });
    }
  });

  it('include Ukraine-related world news from several outlets', () => {
    const ukraine = articles.filter((a) => /\b(Ukrain\w*|Kyiv)\b/.test(`${a.title} ${a.paragraphs.join(' ')}`));
    expect(ukraine.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ukraine.map((a) => a.outlet)).size).toBeGreaterThanOrEqual(3);
  });

  it('have unique titles and URLs', () => {
    expect(new Set(articles.map((a) => a.title)).size).toBe(articles.length);
    expect(new Set(articles.map((a) => a.url)).size).toBe(articles.length);
  });

  it('read the same through the ingest text-file reader, which drops the fiction label', async () => {
    for (const a of articles) {
      const file = path.join(EXAMPLES_DIR, 'articles', a.file);
      const read = parseTextArticle(await readFile(file, 'utf8'), pathToFileURL(file).href, false);
      expect(read.title, a.file).toBe(a.title);
      expect(read.outlet, a.file).toBe(a.outlet);
      expect(read.byline, a.file).toBe(a.byline);
      expect(read.sourceUrl, a.file).toBe(a.url);
      expect(read.publishedAt?.toISOString(), a.file).toBe(a.publishedAt.toISOString());
      expect(read.text, a.file).toBe(a.paragraphs.join('\n\n'));
    }
  });

  it('reject a file without its header, title or label with a message naming the file', () => {
    expect(() => parseExampleArticle('x.txt', 'Just a title\n\nOne paragraph.')).toThrow(/^x\.txt: /);
    const ok = 'Outlet: A\nBy: B\nDate: 2026-11-27T10:00:00Z\nURL: https://example.org/a\n\nTitle\n\nOne.\n\nTwo.\n\nThree.\n\n© 2026 A. Fiction: invented.';
    expect(parseExampleArticle('ok.txt', ok).paragraphs).toEqual(['One.', 'Two.', 'Three.']);
    expect(() => parseExampleArticle('d.txt', ok.replace('2026-11-27T10:00:00Z', 'yesterday'))).toThrow(/bad Date/);
    expect(() => parseExampleArticle('l.txt', ok.replace('© 2026 A. Fiction: invented.', 'Four.'))).toThrow(/label/);
  });
});

describe('sample feed', () => {
  it('is up to date with the article files', () => {
    expect(feedXml).toBe(renderFeed(articles));
  });

  it('is a well-formed RSS 2.0 feed with every article as an item', () => {
    const feed = parseFeedText(feedXml, pathToFileURL(path.join(EXAMPLES_DIR, 'feed.xml')).href);
    expect(feed.format).toBe('rss');
    expect(feed.warnings).toEqual([]);
    expect(feed.items).toHaveLength(articles.length);
    const byLink = new Map(articles.map((a) => [a.url, a]));
    for (const item of feed.items) {
      const a = byLink.get(item.link ?? '');
      expect(a, item.link ?? item.title).toBeDefined();
      expect(item.title).toBe(a!.title);
      expect(item.id).toBe(a!.url);
      expect(item.published?.toISOString()).toBe(a!.publishedAt.toISOString());
      expect(item.contentHtml ?? item.summary).toContain(a!.paragraphs[0]!.slice(0, 40));
    }
  });

  it('labels the channel as fiction', () => {
    expect(feedXml).toMatch(/<description>Fictional sample articles[^<]*invented/);
  });
});

describe('sample dates', () => {
  it('have their newest date where the ingest re-dating expects it', async () => {
    const { SAMPLE_NEWEST } = await import('../../src/ingest/sample.ts');
    const newest = Math.max(...(await readExampleArticles()).map((a) => a.publishedAt.getTime()));
    expect(new Date(newest)).toEqual(SAMPLE_NEWEST);
  });
});
