// Grounded answers: only from the digest's articles (or, without a digest, a topic search over
// the last 7 days), with numbered citations. "What did <person> say" and "who said what about X"
// use the quote index; other questions take the best-matching sentences. When nothing in the
// sources answers, `found` is false and the text says so. With a model, the passages go in as
// data and the reply must cite them; the citations and any quoted words are checked, and the
// extractive answer is used when the check fails.
import type { Article, Digest, QuoteHit } from '../domain/types.ts';
import type { Store } from '../store/ports.ts';
import type { TextModel } from '../llm/port.ts';
import { storySentences } from '../nlp/summarise.ts';
import { contentStems } from '../nlp/stem.ts';
import { classifyQuestion, coverage, isBroadQuestion, questionTerms } from '../nlp/answer-match.ts';
import { topicQuery } from './topic.ts';
import { answerWithModel, type Passage } from './answer-llm.ts';
import { Citations, composeAnswer, notFound, type Answer } from './answer-types.ts';

export type { Answer, Citation } from './answer-types.ts';

export interface AnswerRequest {
  question: string;
  digest?: Digest | null;
  topic?: string;
  model?: TextModel | null;
  now: Date;
}

const WEEK_MS = 7 * 24 * 3600_000;
/** Minimum share of the question's weight a sentence must cover to count as an answer. */
export const MIN_COVERAGE = 0.5;
const MAX_SENTENCES = 3;

async function candidateArticles(store: Store, req: AnswerRequest): Promise<Article[]> {
  if (req.digest) {
    const ids = [...new Set(req.digest.stories.flatMap((s) => s.articles.map((a) => a.id)))];
    return ids.length ? store.articles.getMany(ids) : [];
  }
  const query = topicQuery(req.topic?.trim() || req.question);
  if (!query) return [];
  const hits = await store.articles.search({ query, since: new Date(req.now.getTime() - WEEK_MS), until: req.now, limit: 30 });
  return hits.map((h) => h.article);
}

const quoteLine = (q: QuoteHit) => `${q.speaker ?? 'Someone'}${q.speakerRole ? ` (${q.speakerRole})` : ''}: “${q.text.replace(/[,\s]+$/, '')}”`;

/** Quotes whose words match `about` (any content stem), best first; all quotes when about is null. */
function filterAbout(quotes: QuoteHit[], about: string | null): QuoteHit[] {
  if (!about) return quotes;
  const want = new Set(contentStems(about));
  const scored = quotes
    .map((q) => ({ q, s: contentStems(`${q.text} ${q.title}`).filter((w) => want.has(w)).length }))
    .filter((x) => x.s > 0);
  return scored.sort((a, b) => b.s - a.s).map((x) => x.q);
}

export async function answerQuestion(store: Store, req: AnswerRequest): Promise<Answer> {
  const question = String(req.question ?? '').trim().slice(0, 500);
  if (!question) return notFound('Ask a question about the news, e.g. “what did the mayor say?”.');
  const articles = await candidateArticles(store, req);
  const scope = req.digest ? 'this digest’s sources' : 'the sources from the last 7 days';
  if (articles.length === 0) return notFound(`The sources don't say: no articles about ${req.topic ?? 'this'} were found in ${scope}.`);
  const ids = articles.map((a) => a.id);
  const cites = new Citations();
  const kind = classifyQuestion(question);

  if (kind.kind === 'person') {
    const speakers = await store.quotes.findSpeakers(kind.person, 5);
    const quotes = speakers.length ? await store.quotes.bySpeakers(speakers.map((s) => s.key), { articleIds: ids, limit: 20 }) : [];
    const picked = filterAbout(quotes, kind.about).slice(0, MAX_SENTENCES);
    if (picked.length === 0) {
      const about = kind.about ? ` about ${kind.about}` : '';
      return notFound(`The sources don't say what ${kind.person} said${about}: no quote of theirs${about} is in ${scope}.`);
    }
    return composeAnswer(picked.map((q) => ({ text: quoteLine(q), cite: cites.cite({ ...q, id: q.articleId }) })), cites.list);
  }

  if (kind.kind === 'who-said') {
    const quotes = filterAbout(await store.quotes.forArticles(ids), kind.about).filter((q) => q.speaker);
    const perSpeaker = new Map<string, QuoteHit>();
    for (const q of quotes) if (!perSpeaker.has(q.speakerKey ?? q.speaker!)) perSpeaker.set(q.speakerKey ?? q.speaker!, q);
    const picked = [...perSpeaker.values()].slice(0, 4);
    if (picked.length === 0) return notFound(`The sources don't say who said anything about ${kind.about}: no attributed quote on it is in ${scope}.`);
    return composeAnswer(picked.map((q) => ({ text: quoteLine(q), cite: cites.cite({ ...q, id: q.articleId }) })), cites.list);
  }

  const docs = articles.map((a) => new Set(contentStems(`${a.title} ${a.text}`)));
  // "What happened (in X)?": the lead sentence of the most recent reports, one per outlet.
  if (isBroadQuestion(question, docs)) {
    const leads: { text: string; cite: number }[] = [];
    const outlets = new Set<string>();
    for (const a of [...articles].sort((x, y) => y.publishedAt.getTime() - x.publishedAt.getTime())) {
      const first = storySentences(a.text)[0];
      if (!first || outlets.has(a.outlet)) continue;
      outlets.add(a.outlet);
      leads.push({ text: first, cite: cites.cite(a) });
      if (leads.length >= MAX_SENTENCES) break;
    }
    if (leads.length > 0) return composeAnswer(leads, cites.list);
  }

  // General question: best-covering sentences across the articles.
  const sentences = articles.flatMap((a) => [a.title, ...storySentences(a.text)].map((text, i) => ({ a, text, i, stems: new Set(contentStems(text)) })));
  const terms = questionTerms(question, docs);
  const scored = sentences
    .filter((s) => s.i > 0) // titles help retrieval but are not answers
    .map((s) => ({ ...s, c: coverage(terms, s.stems) }))
    .filter((s) => s.c >= MIN_COVERAGE)
    .sort((x, y) => y.c - x.c || y.a.publishedAt.getTime() - x.a.publishedAt.getTime() || x.i - y.i);
  const chosen: typeof scored = [];
  for (const s of scored) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (chosen.some((c) => c.text === s.text || overlap(c.stems, s.stems) > 0.7)) continue;
    chosen.push(s);
  }
  if (chosen.length === 0 || terms.total <= 0) {
    return notFound(`The sources don't say: none of the ${articles.length} articles in ${scope} answers “${question}”.`);
  }
  const extractive = composeAnswer(chosen.map((s) => ({ text: s.text, cite: cites.cite(s.a) })), cites.list);

  if (req.model) {
    const passages: Passage[] = scored.slice(0, 8).map((s) => ({ text: s.text, article: s.a }));
    const llm = await answerWithModel(req.model, question, passages);
    if (llm) return llm;
  }
  return extractive;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let k = 0;
  for (const x of a) if (b.has(x)) k++;
  return k / Math.max(1, Math.min(a.size, b.size));
}
