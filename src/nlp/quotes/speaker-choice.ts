// Builds the options for one quote (candidate mentions in its window, plus "the previous speaker
// goes on") with their features, and turns the chosen option into a speaker. Shared by extraction
// and by training, so both see exactly the same options and features.
import * as cuesModule from './cues.ts';
import * as corefModule from './coref.ts';
import type { Person } from './coref.ts';
import type { Mention } from './mentions.ts';
import { resolveMention, type ReadingInput } from './rule-reading.ts';
import { windowSentences, type Candidate, type MentionCache } from './speaker-candidates.ts';
import { candidateFeatures, continuationFeatures, type QuoteFrame } from './speaker-features.ts';
import type { Option } from './speaker-model.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { cueLemma } = cuesModule;
const { describe } = corefModule;

export interface Previous {
  /** Paragraph of the previous quote. */
  para: number;
  /** The previous quote runs on into this paragraph. */
  continues: boolean;
  /** Last name word of the rule reading's speaker of the previous quote, lowercased. */
  ruleKey: string | null;
}

const lastWord = (s: string): string => (s.split(/\s+/).pop() ?? '').toLowerCase().replace(/['’]s?$/, '');

const overlaps = (a: Mention, b: Mention): boolean => a.start < b.end && b.start < a.end;

/** The options of the quote described by `f`. */
export function quoteOptions(f: QuoteFrame, cache: MentionCache, rule: Mention | null, prev: Previous | null): Option[] {
  const cands: Candidate[] = [];
  for (const s of windowSentences(f.sentences, f.si, f.opensParagraph)) cands.push(...cache.of(s));
  if (rule && !cands.some((c) => overlaps(c.m, rule))) {
    const i = indexAt(f, rule.start);
    cands.push({ m: rule, i, j: Math.max(i + 1, indexAt(f, rule.end)), sent: f.si });
  }
  // Rank on each side: 0 = nearest to the quote.
  const left = cands.filter((c) => c.j <= f.q).sort((x, y) => y.j - x.j);
  const right = cands.filter((c) => c.j > f.q).sort((x, y) => x.i - y.i);
  const options: Option[] = [];
  for (const side of [left, right]) {
    side.forEach((c, rank) => {
      const isRule = rule !== null && overlaps(c.m, rule);
      const isPrev = prev?.ruleKey != null && c.m.kind === 'name' && lastWord(c.m.text) === prev.ruleKey;
      options.push({ cand: c, feats: candidateFeatures(f, c, rank, isRule, isPrev) });
    });
  }
  const para = f.sentences[f.si]!.para;
  if (prev && para - prev.para <= 2) {
    const s = f.sentences[f.si]!;
    let cue = false;
    for (let k = s.a; k < s.b && !cue; k++) cue = k !== f.q && f.tokens[k]!.kind === 'word' && cueLemma(f.tokens[k]!.low) !== null;
    options.push({ cand: null, feats: continuationFeatures(f, para - prev.para, cue, prev.continues) });
  }
  return options;
}

function indexAt(f: QuoteFrame, offset: number): number {
  let lo = 0;
  let hi = f.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cue word framing a chosen mention: the reporting verb right after or right before it. */
export function cueNear(f: QuoteFrame, c: Candidate): string | null {
  for (const k of [c.j, c.j + 1, c.i - 1]) {
    const t = f.tokens[k];
    if (t && t.kind === 'word' && !t.cap && cueLemma(t.low) !== null) return t.text;
  }
  if (f.tokens[c.i - 1]?.low === 'to' && f.tokens[c.i - 2]?.low === 'according') return 'according to';
  return null;
}

/** The person a chosen candidate mention denotes (the resolved full name, or the description). */
export function personOf(inp: ReadingInput, c: Candidate): Person | null {
  const p = resolveMention(inp, c.m);
  // A description nobody named ("the source", "a Democratic staffer") is the speaker as written.
  return p ?? (c.m.kind === 'nominal' ? describe(c.m.text, false) : null);
}

const CLAUSE_WORDS = new Set(['who', 'whom', 'whose', 'which', 'that', 'where', 'when', 'while', 'after', 'because']);

/** A role is a noun phrase: it stops before a relative or subordinate clause ("minister who met …" -> "minister"). */
export function nounPhraseRole(role: string | null): string | null {
  if (!role) return null;
  const words = role.split(/\s+/);
  const cut = words.findIndex((w) => CLAUSE_WORDS.has(w.toLowerCase()));
  const kept = (cut < 0 ? words : words.slice(0, cut)).join(' ').replace(/[,;:]+$/, '').trim();
  return kept || null;
}
