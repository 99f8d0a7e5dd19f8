// WhoSaidResult -> neutral Doc. Every quote is shown verbatim (as stored from its article) with
// its outlet, date and a link to the article, in the quote block's attribution.
import type { QuoteHit } from '../domain/types.ts';
import type { WhoSaidResult } from '../whosaid/query.ts';
import { bold, link, text, type Block, type Doc, type Inline } from './document.ts';

const day = (d: Date): string => (Number.isNaN(d.getTime()) ? 'undated' : d.toISOString().slice(0, 10));

function attribution(q: QuoteHit): Inline[] {
  return [text(`${q.outlet}, ${day(q.publishedAt)}: `), link(q.title || q.url, q.url)];
}

function quoteBlock(q: QuoteHit, speaker: string | null): Block {
  return { type: 'quote', text: q.text, speaker, attribution: attribution(q) };
}

export function whoSaidDoc(r: WhoSaidResult): Doc {
  switch (r.kind) {
    case 'speaker': {
      const blocks: Block[] = [];
      const about = [r.speaker.role, r.speaker.aliases.length > 0 ? `also written ${r.speaker.aliases.slice(0, 4).join(', ')}` : null].filter(Boolean).join(' · ');
      if (about) blocks.push({ type: 'context', inlines: [text(about)] });
      for (const q of r.quotes) blocks.push(quoteBlock(q, r.speaker.name));
      return { title: `Quotes by ${r.speaker.name}`, blocks };
    }
    case 'phrase':
      return { title: `Who said “${r.phrase}”`, blocks: r.quotes.map((q) => quoteBlock(q, q.speaker ?? 'unknown speaker')) };
    case 'ambiguous':
      return {
        title: `Which “${r.query}”?`,
        blocks: [
          { type: 'paragraph', inlines: [text('Several people match. Ask again with the full name:')] },
          { type: 'list', items: r.candidates.map((c) => [bold(c.name), ...(c.role ? [text(` (${c.role})`)] : [])]) },
        ],
      };
    case 'none':
      return { title: 'No quotes found', blocks: [{ type: 'paragraph', inlines: [text(r.message)] }] };
  }
}
