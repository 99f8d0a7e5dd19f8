// Plain-text renderer for the CLI and the console adapter. Links print as "title <url>".
import type { Block, Doc, Inline } from './document.ts';

export function inlineText(inlines: Inline[]): string {
  return inlines
    .map((i) => {
      switch (i.t) {
        case 'text':
          return i.text;
        case 'bold':
          return i.text.toUpperCase() === i.text ? i.text : `*${i.text}*`;
        case 'italic':
          return `_${i.text}_`;
        case 'link':
          return i.text === i.url ? `<${i.url}>` : `${i.text} <${i.url}>`;
      }
    })
    .join('');
}

function blockText(b: Block): string {
  switch (b.type) {
    case 'heading':
      return b.url ? `## ${b.text}\n   ${b.url}` : `## ${b.text}`;
    case 'paragraph':
      return inlineText(b.inlines);
    case 'quote': {
      const who = b.speaker ? ` — ${b.speaker}` : '';
      const att = b.attribution?.length ? ` (${inlineText(b.attribution)})` : '';
      return `  “${b.text}”${who}${att}`;
    }
    case 'list':
      return b.items.map((it) => `  - ${inlineText(it)}`).join('\n');
    case 'context':
      return `  ${inlineText(b.inlines)}`;
    case 'divider':
      return '----';
  }
}

export function renderText(doc: Doc): string {
  const head = doc.url ? `# ${doc.title}\n${doc.url}` : `# ${doc.title}`;
  return [head, ...doc.blocks.map(blockText)].join('\n\n') + '\n';
}
