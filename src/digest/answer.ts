// Grounded answers: only from the digest's articles (or, without a digest, a search over a window,
// 7 days unless the asker widens it), with numbered citations. "What did <person> say" and "who
// said …" use the quote index (a few words of a quote, in any order, find it); other questions
// take the best passage that holds the kind of answer asked for (answer-passages.ts). When nothing
// in the sources answers, `found` is false and the text says so. With a model, the passages go in
// as data and the reply must cite them; the citations and any quoted words are checked, and the
// extractive answer is used when the check fails.
import type { Article, Digest, QuoteHit } from '../domain/types.ts';
import type { Store } from '../store/ports.ts';
import type { TextModel } from '../llm/port.ts';
import type { Logger } from '../log.ts';
import { storySentences } from '../nlp/summarise.ts';
import { contentStems, words } from '../nlp/stem.ts';
import { STOPWORDS } from '../nlp/stopwords.ts';
import { classifyQuestion, isBroadQuestion } from '../nlp/answer-match.ts';
import { analyseQuestion } from '../nlp/answer-question.ts';
import { prefilter, stemsOf, stripDateline } from '../nlp/answer-index.ts';
import { candidateQuotes, pickQuotes, quotesBySubject, quotesLike } from './answer-quotes.ts';
import { answerFromPassages } from './answer-passages.ts';
import { reportedSpeech } from './answer-reported.ts';
import { Citations, composeAnswer, notFound, type Answer } from './answer-types.ts';

export type { Answer, Citation } from './answer-types.ts';

export interface AnswerRequest {
  question: string;
  digest?: Digest | null;
  topic?: string;
  model?: TextModel | null;
  now: Date;
  /** Start of the window searched without a digest (default: 7 days before `now`). */
  since?: Date;
  /** Decline threshold override, for choosing it on a development set. */
  minEvidence?: number;
  /** Where a failed model call is logged (the extractive answer is used then). */
  log?: Logger;
}

const DAY_MS = 24 * 3600_000;
/** The window searched without a digest when the asker names none. */
export const DEFAULT_WINDOW_DAYS = 7;
/** Share of a quote's words a "who said" phrase must cover (in any order, synonyms counting less). */
const MIN_QUOTE_MATCH = 0.55;
const MAX_SENTENCES = 3;
/** Articles read for a question outside a digest. */
const SEARCH_LIMIT = 40;

/** Search text for a question: its content words (the store ORs them) and any quoted words as a phrase. */
function searchText(question: string, quoted: string | null): string {
  const ws = [...new Set(words(question).filter((w) => w.length > 1 && !STOPWORDS.has(w)))].slice(0, 16);
  return [...ws, ...(quoted ? [`"${quoted}"`] : [])].join(' ');
}

async function candidateArticles(store: Store, req: AnswerRequest, quoted: string | null): Promise<Article[]> {
  if (req.digest) {
    const ids = [...new Set(req.digest.stories.flatMap((s) => s.articles.map((a) => a.id)))];
    return ids.length ? store.articles.getMany(ids) : [];
  }
  const query = searchText(`${req.topic ?? ''} ${req.question}`, quoted);
  if (!query) return [];
  const hits = await store.articles.search({ query, since: windowStart(req), until: req.now, limit: SEARCH_LIMIT });
  return hits.map((h) => h.article);
}

const windowStart = (req: AnswerRequest): Date => req.since ?? new Date(req.now.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);

/** "the last 7 days", "the last 30 days", "the last 12 hours": the window a search covered. */
export function windowText(req: Pick<AnswerRequest, 'since' | 'now'>): string {
  const hours = Math.round((req.now.getTime() - (req.since?.getTime() ?? req.now.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS)) / 3600_000);
  if (hours < 48) return `the last ${hours} hour${hours === 1 ? '' : 's'}`;
  return `the last ${Math.round(hours / 24)} days`;
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



/** Longest question answered; longer input gets a clear message rather than a silent cut. */
export const MAX_QUESTION = 500;

export async function answerQuestion(store: Store, req: AnswerRequest): Promise<Answer> {
  const question = String(req.question ?? '').replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(question)) return notFound('Ask a question about the news, e.g. “what did the mayor say?”.');
  if (question.length > MAX_QUESTION) return notFound(`That question is ${question.length} characters long; please ask it in ${MAX_QUESTION} or fewer.`);
  const q = analyseQuestion(question);
  const articles = await candidateArticles(store, req, q.quoted);
  const scope = req.digest ? 'this digest’s sources' : `the sources from ${windowText(req)}`;
  const widen = req.digest ? '' : ' Ask with a longer window (since:30d) to search further back.';
  if (articles.length === 0) return notFound(`The sources don't say: nothing about ${echo(req.topic ?? '') || 'this'} was found in ${scope}.${widen}`);
  const cites = new Citations();
  const quoteAnswer = (qs: QuoteHit[]) => composeAnswer(qs.map((q) => ({ text: quoteLine(q), cite: cites.cite({ ...q, id: q.articleId }) })), cites.list);
  const kind = classifyQuestion(question);
  const docs = articles.map((a) => stemsOf(a).all);
  // Quotes are extracted (on first use) only from the articles closest to the question.
  const near = prefilter(q, articles);

  if (kind.kind === 'person') {
    const all = await candidateQuotes(store, near);
    const indexKeys = new Set((await store.quotes.findSpeakers(kind.person, 5)).map((s) => s.key));
    const picked = pickQuotes(quotesBySubject(all, kind.subject, indexKeys), kind.about, { perSpeaker: MAX_SENTENCES, speakers: 4 });
    if (picked.length) return quoteAnswer(picked);
    // No quote: sentences that report what the subject said ("officials said the talks had begun").
    const reported = reportedSpeech(near, kind.subject, kind.about, 2);
    if (reported.length) return composeAnswer(reported.map((s) => ({ text: s.text, cite: cites.cite(s.article) })), cites.list);
    const subject = echo(kind.subject);
    const aboutText = kind.about ? ` about ${echo(kind.about)}` : '';
    return notFound(`The sources don't say what ${subject} said${aboutText}: no quote from ${subject}${aboutText} is in ${scope}.`);
  }

  if (kind.kind === 'who-said' || q.kind === 'who-said') {
    const named = (await candidateQuotes(store, near)).filter((c) => c.q.speaker);
    // "Who said dead end": the words themselves first, then (unless quoted) what the quotes are about.
    const phrase = q.quoted ?? (kind.kind === 'who-said' ? kind.phrase : null) ?? whoSaidPhrase(question);
    const said = phrase ? quotesLike(named, phrase, MIN_QUOTE_MATCH) : [];
    if (said.length) return quoteAnswer(pickQuotes(said.filter((x) => x.score >= said[0]!.score - 0.05).map((x) => x.c), null, { perSpeaker: 1, speakers: 2 }));
    if (kind.kind === 'who-said' && kind.phrase === null) {
      const picked = pickQuotes(named, kind.about, { perSpeaker: 1, speakers: 4, byTitle: true, everyWord: true });
      if (picked.length) return quoteAnswer(picked);
    }
    if (q.quoted && q.quoted.replace(/\s+/g, ' ').length + 4 >= question.replace(/^who\s+said\s*/i, '').length) {
      return notFound(`The sources don't say who said “${echo(q.quoted)}”: nobody in ${scope} is quoted saying it.`);
    }
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

  // A name the question asks about that no source mentions: the sources cannot answer.
  const missing = q.names.find((n) => !articles.some((a, i) => contentStems(n).every((w) => a.title.toLowerCase().includes(w) || docs[i]!.has(w))));
  if (missing) return notFound(`The sources don't say: none of the ${articles.length} article${articles.length === 1 ? '' : 's'} of ${scope} mentions ${echo(missing)}.${widen}`);
  const kindQ = q.kind === 'who-said' ? { ...q, kind: 'who' as const } : q;
  const { answer } = await answerFromPassages(kindQ, question, articles, { model: req.model ?? null, ...(req.log ? { log: req.log } : {}), ...(req.minEvidence !== undefined ? { minEvidence: req.minEvidence } : {}) });
  if (answer) return answer;
  return notFound(`The sources don't say: nothing in the ${articles.length} article${articles.length === 1 ? '' : 's'} of ${scope} answers that question.${widen}`);
}

/** The words after "who said / warned / described" in a question without quotation marks. */
function whoSaidPhrase(question: string): string | null {
  const m = /^\s*who\s+(?:has\s+|had\s+)?\S+\s+(?:that\s+)?(.+?)[?.!\s]*$/i.exec(question);
  return m?.[1] ?? null;
}
