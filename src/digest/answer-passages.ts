// The answer from ranked passages: the best sentence that holds the kind of thing asked for, with
// its pronoun resolved and its citation, or a decline when the best evidence is weak. With a model,
// the model answers from the top passages and its answer is used only when it passes verification.
import type { Article } from '../domain/types.ts';
import type { TextModel } from '../llm/port.ts';
import type { Logger } from '../log.ts';
import type { QuestionAnalysis } from '../nlp/answer-question.ts';
import { rankPassages, type Ranked } from '../nlp/answer-rank.ts';
import { passagesOf, prefilter } from '../nlp/answer-index.ts';
import { withPersons } from '../nlp/answer-pronouns.ts';
import { polarity } from '../nlp/answer-types-check.ts';
import { answerWithModel } from './answer-llm.ts';
import { Citations, composeAnswer, type Answer } from './answer-types.ts';

/**
 * Share of the question's weight the best passage must cover, below which the sources are taken
 * not to answer. Chosen on the dev half of eval/answers/questions.jsonl (`npm run eval:answers --
 * --sweep`): the value with the best mean of right-and-cited and unanswerable-declined.
 */
export const MIN_EVIDENCE = 0.55;
/** Passages given to a model. */
const MODEL_PASSAGES = 6;

export interface PassageResult {
  answer: Answer | null;
  /** The best passages (for a caller that wants to say what came close). */
  ranked: Ranked[];
}

function readable(p: Ranked): string {
  return withPersons(p.text, p.article.text, p.start, p.article.id);
}

export async function answerFromPassages(
  q: QuestionAnalysis,
  question: string,
  articles: Article[],
  opts: { model?: TextModel | null; minEvidence?: number; log?: Logger },
): Promise<PassageResult> {
  const ranked = rankPassages(q, passagesOf(prefilter(q, articles)));
  const best = ranked[0];
  if (!best || best.score < (opts.minEvidence ?? MIN_EVIDENCE)) return { answer: null, ranked };
  const cites = new Citations();
  // A yes/no question gets its yes or no first, read from the evidence sentence.
  const verdict = q.kind === 'yesno' && q.predicate ? `${polarity(best.text, q.predicate) === 'no' ? 'No' : 'Yes'}. ` : '';
  const extractive = composeAnswer([{ text: verdict + readable(best), cite: cites.cite(best.article) }], cites.list);
  if (opts.model) {
    const passages = ranked.slice(0, MODEL_PASSAGES).map((p) => ({ text: readable(p), article: p.article }));
    const llm = await answerWithModel(opts.model, question, passages, opts.log);
    if (llm) return { answer: verdict ? withVerdict(llm, verdict) : llm, ranked };
  }
  return { answer: extractive, ranked };
}

/** A model's answer to a yes/no question, starting with the yes or no read from the evidence unless it says one. */
function withVerdict(a: Answer, verdict: string): Answer {
  const [first, ...rest] = a.sentences;
  if (!first || /^(yes|no)\b/i.test(first.text)) return a;
  return { ...composeAnswer([{ ...first, text: verdict + first.text }, ...rest], a.citations), byModel: true };
}
