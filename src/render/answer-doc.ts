// Answer -> neutral Doc: the answer sentences with their [n] markers, then the numbered sources
// (outlet, title link, time). A "sources don't say" answer is a single paragraph.
import type { Answer } from '../digest/answer-types.ts';
import { link, text, type Block, type Doc, type Inline } from './document.ts';
import { shortTime } from './digest-doc.ts';

export function answerDoc(a: Answer): Doc {
  if (!a.found || a.sentences.length === 0) {
    return { title: 'Answer', blocks: [{ type: 'paragraph', inlines: [text(a.text)] }] };
  }
  const blocks: Block[] = a.sentences.map((s) => ({ type: 'paragraph', inlines: [text(`${s.text} [${s.cite}]`)] }));
  const items: Inline[][] = a.citations.map((c) => [text(`[${c.n}] ${c.outlet}: `), link(c.title || c.url, c.url), text(` (${shortTime(c.publishedAt)})`)]);
  blocks.push({ type: 'context', inlines: [text('Sources')] }, { type: 'list', items });
  return { title: 'Answer', blocks };
}
