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
import { contentStems, words } from '../nlp/stem.ts';
import { classifyQuestion, coverage, isBroadQuestion, questionTerms } from '../nlp/answer-match.ts';
import { alternatives } from '../nlp/answer-terms.ts';
import { candidateQuotes, pickQuotes, quotesBySubject, quotesSaying } from './answer-quotes.ts';
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

/** "Name (role): “text”", leaving out a role the name already says ("the ministry (ministry)"). */
function quoteLine(q: QuoteHit): string {
  const who = q.speaker ? q.speaker.charAt(0).toUpperCase() + q.speaker.slice(1) : 'Someone';
  const roleWords = contentStems(q.speakerRole ?? '');
  const nameWords = new Set(contentStems(q.speaker ?? ''));
  const role = roleWords.length && !roleWords.every((w) => nameWords.has(w)) ? ` (${q.speakerRole})` : '';
  return `${who}${role}: “${q.text.replace(/[,\s]+$/, '')}”`;
}

/**
 * User words repeated in a reply, made inert: no mention or markup characters, one line, at most
 * 80 characters. Chat adapters also disable mentions; this keeps the text itself clean.
 */
export function echo(s: string): string {
  const t = s.replace(/[@<>`*_~|\\#[\]]/g, '').replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}

/** A leading dateline ("LORRICK, Norland — ") is not part of what an answer sentence says. */
const stripDateline = (s: string): string => s.replace(/^[\p{Lu}][\p{Lu} .'’-]+(?:,\s*[\p{L} .'’-]+)?\s+[—–-]\s+(?=\p{Lu})/u, '');

/** Reporting words: a sentence with one of these and the subject reports what the subject said. */
const REPORTING = /\b(said|says|say|told|tells|stated|announced|added|warned|according to|insisted|argued|claimed)\b/i;
const NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens)\b/i;

/** Longest question answered; longer input gets a clear message rather than a silent cut. */
export const MAX_QUESTION = 500;

export async function answerQuestion(store: Store, req: AnswerRequest): Promise<Answer> {
  const question = String(req.question ?? '').replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(question)) return notFound('Ask a question about the news, e.g. “what did the mayor say?”.');
  if (question.length > MAX_QUESTION) return notFound(`That question is ${question.length} characters long; please ask it in ${MAX_QUESTION} or fewer.`);
  const articles = await candidateArticles(store, req);
  const scope = req.digest ? 'this digest’s sources' : 'the sources from the last 7 days';
  if (articles.length === 0) return notFound(`The sources don't say: no articles about ${echo(req.topic ?? '') || 'this'} were found in ${scope}.`);
  const cites = new Citations();
  const quoteAnswer = (qs: QuoteHit[]) => composeAnswer(qs.map((q) => ({ text: quoteLine(q), cite: cites.cite({ ...q, id: q.articleId }) })), cites.list);
  const kind = classifyQuestion(question);
  const docs = articles.map((a) => new Set(contentStems(`${a.title} ${a.text}`)));
  const sentences = articles.flatMap((a) => [a.title, ...storySentences(a.text)].map((text, i) => ({ a, text: i > 0 ? stripDateline(text) : text, i, stems: new Set(contentStems(text)) })));

  if (kind.kind === 'person') {
    const all = await candidateQuotes(store, articles);
    const indexKeys = new Set((await store.quotes.findSpeakers(kind.person, 5)).map((s) => s.key));
    const picked = pickQuotes(quotesBySubject(all, kind.subject, indexKeys), kind.about, { perSpeaker: MAX_SENTENCES, speakers: 4 });
    if (picked.length) return quoteAnswer(picked);
    // No quote: sentences that report what the subject said ("officials said the talks had begun").
    const who = [...new Set(contentStems(kind.subject))];
    const about = kind.about ? questionTerms(kind.about, docs) : null;
    const reported = sentences
      .filter((s) => s.i > 0 && REPORTING.test(s.text) && who.length > 0 && who.every((w) => alternatives(w).some((x) => s.stems.has(x))))
      .filter((s) => !about || coverage(about, s.stems) >= MIN_COVERAGE)
      .slice(0, MAX_SENTENCES);
    if (reported.length) return composeAnswer(reported.map((s) => ({ text: s.text, cite: cites.cite(s.a) })), cites.list);
    const subject = echo(kind.subject);
    const aboutText = kind.about ? ` about ${echo(kind.about)}` : '';
    return notFound(`The sources don't say what ${subject} said${aboutText}: no quote from ${subject}${aboutText} is in ${scope}.`);
  }

  if (kind.kind === 'who-said') {
    const named = (await candidateQuotes(store, articles)).filter((c) => c.q.speaker);
    // "Who said dead end": the words themselves first, then (unless quoted) what the quotes are about.
    const said = kind.phrase ? quotesSaying(named, kind.phrase) : [];
    if (said.length) return quoteAnswer(pickQuotes(said, null, { perSpeaker: 1, speakers: 4 }));
    if (kind.quoted) return notFound(`The sources don't say who said “${echo(kind.about)}”: nobody in ${scope} is quoted saying it.`);
    const picked = pickQuotes(named, kind.about, { perSpeaker: 1, speakers: 4, byTitle: true, everyWord: true });
    if (picked.length) return quoteAnswer(picked);
    return notFound(`The sources don't say who said anything about ${echo(kind.about)}: no attributed quote on it is in ${scope}.`);
  }

  // "What happened (in X)?": the lead sentence of the most recent reports, one per outlet.
  if (isBroadQuestion(question, docs)) {
    const leads: { text: string; cite: number }[] = [];
    const outlets = new Set<string>();
    for (const a of [...articles].sort((x, y) => y.publishedAt.getTime() - x.publishedAt.getTime())) {
      const first = storySentences(a.text)[0];
      if (!first || outlets.has(a.outlet)) continue;
      outlets.add(a.outlet);
      leads.push({ text: stripDateline(first), cite: cites.cite(a) });
      if (leads.length >= MAX_SENTENCES) break;
    }
    if (leads.length > 0) return composeAnswer(leads, cites.list);
  }

  // General question: best-covering sentences across the articles.
  const terms = questionTerms(question, docs, articles.flatMap((a) => words(`${a.title} ${a.text}`)));
  // "How many / how much" asks for a figure: sentences with one go first.
  const wantsNumber = /^\s*(how\s+(many|much|long|far|old|big)|what\s+(number|percentage|share|amount))\b/i.test(question);
  // Every question word the sources use somewhere must be in the answer's article: "what does the
  // grid cost?" is not answered from an oil price-cap story because "cost" ~ "price".
  const used = [...terms.alts.values()].filter((alt) => docs.some((d) => alt.some((x) => d.has(x))));
  const coversAll = new Map(articles.map((a, k) => [a.id, used.every((alt) => alt.some((x) => docs[k]!.has(x)))]));
  const scored = sentences
    .filter((s) => s.i > 0 && coversAll.get(s.a.id)) // titles help retrieval but are not answers
    .map((s) => ({ ...s, c: coverage(terms, s.stems), n: wantsNumber && NUMBER.test(s.text) ? 1 : 0 }))
    .filter((s) => s.c >= MIN_COVERAGE)
    .sort((x, y) => y.n - x.n || y.c - x.c || y.a.publishedAt.getTime() - x.a.publishedAt.getTime() || x.i - y.i);
  const chosen: typeof scored = [];
  for (const s of scored) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (chosen.some((c) => c.text === s.text || overlap(c.stems, s.stems) > 0.7)) continue;
    chosen.push(s);
  }
  if (chosen.length === 0 || terms.total <= 0) {
    return notFound(`The sources don't say: nothing in the ${articles.length} article${articles.length === 1 ? '' : 's'} of ${scope} answers that question.`);
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
