// Which quoted spans are quotes of a person, and of which kind. A span is 'direct' when it is a
// whole sentence or more (opens its sentence or follows a colon/comma and starts with a capital),
// else 'partial'. Scare quotes, titles of works and nicknames are not speech and are dropped:
// - nickname: a short span between two capitalised words (Robert "Bobby" Scott);
// - title of a work: a short Title-Case span (“Face the Nation”), not itself followed by a cue;
// - scare quote: a short partial span whose sentence has no speech cue at all.
import type { QuoteKind } from '../../domain/types.ts';
import { cueLemma } from './cues.ts';
import type { MarkSpan } from './marks.ts';
import { isCap, type Token } from './tokens.ts';

const SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'is', 'it', 'as']);

export interface Candidate {
  span: MarkSpan;
  kind: QuoteKind;
}

/** Decides kind and whether the span is speech. `sentence` = tokens of its sentence, `q` = index of the span's token. */
export function classify(text: string, span: MarkSpan, sentence: Token[], q: number): Candidate | null {
  const content = text.slice(span.start, span.end);
  if (!/\p{L}/u.test(content)) return null;
  const words = content.split(/\s+/).filter(Boolean);
  const prev = sentence[q - 1];
  const next = sentence[q + 1];
  const startsUpper = /^[\p{Lu}\p{N}[(…]|^\.\.\./u.test(content);
  const opensSentence = prev === undefined || prev.text === ':' || prev.text === ',' || prev.text === '—' || (prev.kind === 'word' && cueLemma(prev.text) !== null);
  const multiSentence = /[.!?]["”’]?\s+\p{Lu}/u.test(content);
  const kind: QuoteKind = (startsUpper && opensSentence && (words.length >= 3 || /[.!?,]$/.test(content))) || multiSentence || (prev === undefined && words.length >= 5) ? 'direct' : 'partial';

  if (kind === 'partial' && words.length <= 2 && isCap(prev) && isCap(next) && !/[.,!?]$/.test(content)) return null;
  const cueAround = sentence.some((t) => t.kind === 'word' && cueLemma(t.text) !== null);
  const followedByCue = sentence.slice(q + 1, q + 5).some((t) => t.kind === 'word' && cueLemma(t.text) !== null);
  if (words.length <= 6 && !followedByCue && !multiSentence) {
    const content_ = words.filter((w) => /\p{L}/u.test(w) && !SMALL.has(w.toLowerCase()));
    const titleCase = content_.length > 0 && content_.every((w) => /^[\p{Lu}\p{N}]/u.test(w.replace(/^[^\p{L}\p{N}]+/u, '')));
    if (titleCase && (kind === 'partial' || !/[.!?]$/.test(content))) return null;
  }
  if (kind === 'partial' && words.length <= 3 && !cueAround) return null;
  return { span, kind };
}
