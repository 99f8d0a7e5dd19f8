// HTML fragment -> plain text. Paragraph form: block elements become paragraphs separated by a
// blank line ("\n\n"), whitespace inside a paragraph is collapsed, entities are decoded, scripts,
// styles and figures (photo captions/credits) are dropped. Never throws on malformed markup.
import { parseHTML } from 'linkedom';
import { fixC1 } from './charset.ts';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TR', 'UL', 'BODY', 'HTML',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'FIGURE', 'FIGCAPTION', 'HEAD', 'BUTTON']);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/** Walks an already parsed node (e.g. Readability's content element or a document body). */
export function nodeToParagraphs(root: NodeLike): string {
  const paragraphs: string[] = [];
  let current = '';
  let breaks = 0;
  const flush = () => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
    breaks = 0;
  };
  const walk = (node: NodeLike) => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      if (t.trim()) breaks = 0;
      current += t;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      // One <br> is a line break inside a paragraph; two in a row separate paragraphs.
      if (++breaks >= 2) flush();
      else current += ' ';
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/**
 * `<!` that opens no comment, CDATA or HTML doctype is text ("<!' …", "<!DOCTYPE is …"): an HTML
 * parser would swallow it and what follows up to the next ">" as a bogus comment.
 */
const NOT_MARKUP = /<!(?!--|\[CDATA\[|doctype\s+html\b)/gi;

export function htmlToParagraphs(raw: string): string {
  const html = fixC1(raw);
  if (!/[<&]/.test(html)) {
    return html
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n\n');
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html.replace(NOT_MARKUP, '&lt;!')}</body></html>`);
  return nodeToParagraphs(document.body as unknown as NodeLike);
}

/** One line of plain text (titles, summaries). */
export function htmlToPlain(html: string | null | undefined): string {
  if (!html) return '';
  return htmlToParagraphs(html).replace(/\s+/g, ' ').trim();
}
