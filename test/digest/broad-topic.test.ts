// A topic that matches a huge number of articles gives a digest in bounded time that says so.
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { buildDigest } from '../../src/digest/build.ts';
import { digestDoc } from '../../src/render/digest-doc.ts';
import { renderText } from '../../src/render/text.ts';

const NOW = new Date('2031-03-14T12:00:00Z');

describe('digest of a very broad topic', () => {
  it('ranks the newest matches only and tells the reader to narrow the topic', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const outlets = ['Quayside Herald', 'Fenmarch Echo', 'Lowmoor Gazette'];
      await store.articles.saveMany(
        Array.from({ length: 4100 }, (_, i) => {
          const at = new Date(NOW.getTime() - (i + 1) * 20_000);
          return {
            id: `broad-${i}`, url: `https://quayside.example/${i}`, guid: null, sourceId: null, outlet: outlets[i % 3]!,
            title: `Tollbridge market report ${i % 37}`, byline: null, publishedAt: at, fetchedAt: at,
            text: `Stalls opened at the tollbridge market. Trader ${i % 37} sold apples.`, contentHash: `broad-${i}`,
          };
        }),
      );
      const d = await buildDigest(store, { topic: 'tollbridge', since: new Date(NOW.getTime() - 86_400_000), until: NOW });
      expect(d.stories.length).toBeGreaterThan(0);
      expect(d.searchNote).toMatch(/very large share of the articles.*more specific topic/);
      expect(renderText(digestDoc(d))).toContain('Try a more specific topic');
      const narrow = await buildDigest(store, { topic: 'tollbridge', since: new Date(NOW.getTime() - 3600_000), until: NOW });
      expect(narrow.searchNote).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
