import { describe, expect, it } from 'vitest';
import { sourceOf } from '../../src/digest/story.ts';
import type { Article, Digest } from '../../src/domain/types.ts';
import { digestDoc } from '../../src/render/digest-doc.ts';
import { renderText } from '../../src/render/text.ts';

const at = new Date('2025-06-04T10:00:00Z');
const base: Article = { id: 'a1', url: 'https://ledger.example/premium/dock', guid: null, sourceId: 's1', outlet: 'The Tidewater Ledger', title: 'What the dock deal means', byline: null, publishedAt: at, fetchedAt: at, text: 'A closer look at the deal.', contentHash: 'h1' };

describe('digest sources', () => {
  it('say "(teaser only)" beside an article kept as its teaser, and nothing beside a full one', () => {
    const digest: Digest = {
      id: 'd1', topic: 'dock', since: new Date('2025-06-03T10:00:00Z'), until: at, articleCount: 2, overview: null, createdAt: at,
      stories: [{ key: 'k', headline: 'Dock deal', summary: 'A closer look at the deal.', quotes: [], score: 1, articles: [sourceOf({ ...base, textSource: 'teaser', textNote: 'paywall' }), sourceOf({ ...base, id: 'a2', outlet: 'Coastline Daily', textSource: 'page' })] }],
    };
    const shown = renderText(digestDoc(digest));
    expect(shown).toMatch(/The Tidewater Ledger[^·]*\(teaser only\)/);
    expect(shown.match(/teaser only/g)).toHaveLength(1);
  });
});
