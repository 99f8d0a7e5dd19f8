// Digest -> neutral Doc. Names the window and the counts; each story gets a heading (linked to its
// lead source), its summary, key quotes with speaker and outlet, and its sources with times.
// An empty digest becomes a friendly one-line doc rather than an empty message.
import { MAX_DIGEST_STORIES, type Digest, type Story } from '../domain/types.ts';
import { bold, italic, link, text, type Block, type Doc, type Inline } from './document.ts';

/** "24h", "3d", "90m": the window length in the largest whole unit. */
export function windowLabel(since: Date, until: Date): string {
  const mins = Math.max(0, Math.round((until.getTime() - since.getTime()) / 60_000));
  if (mins % 1440 === 0 && mins >= 2880) return `${mins / 1440}d`;
  if (mins % 60 === 0) return `${mins / 60}h`;
  return `${mins}m`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "20 May 14:05 UTC": short, unambiguous across platforms and time zones. */
export function shortTime(d: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${hh}:${mm} UTC`;
}

/**
 * A quote as shown between quotation marks: the words as stored, without the comma (or other
 * clause punctuation) that led into "she said" in the article. Ending marks (. ? ! …) stay.
 */
export function shownQuote(q: string): string {
  return q.replace(/[\s,;:–—-]+$/u, '');
}

/** How a reader asks for more stories than a digest showed, e.g. "/digest ukraine max:10". */
export type MoreHint = (topic: string, max: number) => string;
const chatHint: MoreHint = (topic, max) => `/digest ${topic} max:${max}`;

function storyBlocks(s: Story, n: number): Block[] {
  const lead = s.articles[0];
  const tag = s.change === 'new' ? '[new] ' : s.change === 'update' ? '[update] ' : '';
  const blocks: Block[] = [{ type: 'heading', text: `${n}. ${tag}${s.headline}`, ...(lead ? { url: lead.url } : {}) }];
  if (s.summary) blocks.push({ type: 'paragraph', inlines: [text(s.summary)] });
  for (const q of s.quotes) {
    const attribution: Inline[] = [link(q.outlet, q.url), text(`, ${shortTime(q.publishedAt)}`)];
    blocks.push({ type: 'quote', text: shownQuote(q.text), speaker: q.speaker, attribution });
  }
  const sources: Inline[] = [text(`${plural(s.articles.length, 'source')}: `)];
  s.articles.slice(0, 6).forEach((a, i) => {
    if (i > 0) sources.push(text(' · '));
    sources.push(link(a.outlet, a.url), text(` (${shortTime(a.publishedAt)})${a.teaser ? ' (teaser only)' : ''}`));
  });
  if (s.articles.length > 6) sources.push(text(` · and ${s.articles.length - 6} more`));
  blocks.push({ type: 'context', inlines: sources });
  return blocks;
}

/** "5 of 7 stories; /digest ukraine max:7 for all" when the cap left stories out, else "5 stories". */
function storiesLabel(d: Digest, more: MoreHint): string {
  const shown = d.stories.length;
  const found = d.storiesFound ?? shown;
  if (found <= shown) return plural(shown, 'story', 'stories');
  const max = Math.min(found, MAX_DIGEST_STORIES);
  return `${shown} of ${found} stories; ${more(d.topic, max)} for ${max === found ? 'all' : `the top ${max}`}`;
}

/**
 * `more` words the way to ask for more stories; `range` replaces "Last 3d" when the window does not
 * end now ("2022-01-01 to 2022-02-01").
 */
export function digestDoc(d: Digest, more: MoreHint = chatHint, range?: string): Doc {
  const window = windowLabel(d.since, d.until);
  const span = range ?? `Last ${window}`;
  const title = `News digest: ${d.topic}`;
  if (d.stories.length === 0) {
    const why = d.articleCount > 0 ? ' that have not been posted already' : '';
    return {
      title,
      blocks: [
        { type: 'paragraph', inlines: [text(`No stories about ${d.topic}${why} ${range ? `from ${range}` : `in the last ${window}`}.`)] },
        ...(d.searchNote ? [{ type: 'context' as const, inlines: [text(d.searchNote)] }] : []),
      ],
    };
  }
  const outlets = new Set(d.stories.flatMap((s) => s.articles.map((a) => a.outlet))).size;
  const fresh = d.stories.filter((s) => s.change === 'new').length;
  const updates = d.stories.filter((s) => s.change === 'update').length;
  const changed = fresh || updates ? ` (${[fresh && `${fresh} new`, updates && plural(updates, 'update')].filter(Boolean).join(', ')})` : '';
  const blocks: Block[] = [
    {
      type: 'context',
      inlines: [
        text(`${span} · ${storiesLabel(d, more)}${changed} from ${plural(d.articleCount, 'matching article')} across ${plural(outlets, 'outlet')}`),
      ],
    },
  ];
  if (d.searchNote) blocks.push({ type: 'context', inlines: [text(d.searchNote)] });
  if (d.overview) blocks.push({ type: 'paragraph', inlines: [italic(d.overview)] });
  d.stories.forEach((s, i) => {
    blocks.push({ type: 'divider' }, ...storyBlocks(s, i + 1));
  });
  blocks.push({ type: 'context', inlines: [text('Digest '), bold(d.id), text(' · ask follow-up questions in the thread')] });
  return { title, blocks };
}

/** Markdown for the CLI (`newsbot digest --markdown`): headings, block quotes and links. */
export function docMarkdown(doc: Doc): string {
  const esc = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
  const inl = (xs: Inline[]) =>
    xs
      .map((i) => (i.t === 'link' ? `[${esc(i.text)}](${i.url.replace(/[()\s]/g, encodeURIComponent)})` : i.t === 'bold' ? `**${esc(i.text)}**` : i.t === 'italic' ? `_${esc(i.text)}_` : esc(i.text)))
      .join('');
  const out = [`# ${esc(doc.title)}`];
  for (const b of doc.blocks) {
    if (b.type === 'heading') out.push(b.url ? `## [${esc(b.text)}](${b.url})` : `## ${esc(b.text)}`);
    else if (b.type === 'paragraph') out.push(inl(b.inlines));
    else if (b.type === 'quote') out.push(`> “${esc(b.text)}”${b.speaker ? ` — ${esc(b.speaker)}` : ''}${b.attribution?.length ? ` (${inl(b.attribution)})` : ''}`);
    else if (b.type === 'list') out.push(b.items.map((it) => `- ${inl(it)}`).join('\n'));
    else if (b.type === 'context') out.push(`<sub>${inl(b.inlines)}</sub>`);
    else out.push('---');
  }
  return out.join('\n\n') + '\n';
}
