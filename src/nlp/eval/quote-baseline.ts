// Naive baseline for the quote evaluation: every pair of double quotation marks on a line is a
// quote (partial when it starts lowercase), attributed to the capitalised words next to the "said"
// or "says" nearest to it in the same paragraph.
import type { Pred } from './quote-score.ts';

const PAIR = /[“"]([^“”"\n]+)[”"]/g;
const SAID = /\b(said|says)\b/g;
const NAME_BEFORE = /((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)\s+$/u;
const NAME_AFTER = /^\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)/u;

export function baselineQuotes(text: string): Pred[] {
  const out: Pred[] = [];
  for (const m of text.matchAll(PAIR)) {
    const start = m.index + 1;
    const end = m.index + m[0].length - 1;
    const paraStart = text.lastIndexOf('\n', m.index) + 1;
    const nl = text.indexOf('\n', end);
    const paraEnd = nl < 0 ? text.length : nl;
    const para = text.slice(paraStart, paraEnd);
    let best: { d: number; name: string | null } | null = null;
    for (const s of para.matchAll(SAID)) {
      const at = paraStart + s.index;
      if (at >= start && at < end) continue;
      const d = at < start ? start - at : at - end;
      const name = NAME_BEFORE.exec(para.slice(0, s.index))?.[1] ?? NAME_AFTER.exec(para.slice(s.index + s[0].length))?.[1] ?? null;
      if (!best || d < best.d) best = { d, name };
    }
    out.push({ start, end, kind: /^\p{Lu}/u.test(m[1]!) ? 'direct' : 'partial', speaker: best?.name ?? null });
  }
  return out;
}
