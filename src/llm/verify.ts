// Checks model output against its source text before anyone sees it (DESIGN.md section 4).
// Rules, each a reason to reject the whole output:
// - quoted words ("…", “…”, ‘…’) must appear verbatim in the source (whitespace and quote-mark
//   style normalised, nothing else);
// - names (two or more capitalised words in a row, e.g. "Mara Lindqvist") must appear in the source;
// - numbers (digits, with , . % allowed inside) must appear in the source.
// Deliberately strict: a false rejection costs a nicer summary, a false acceptance costs trust.

export interface Verification {
  ok: boolean;
  problems: string[];
}

const norm = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ');

/** Quoted spans in model output (text between paired double quotes, or curly single quotes). */
export function quotedSpans(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[“"]([^“”"]{2,}?)[”"]/g)) out.push(m[1]!.trim());
  // Curly single quotes only (straight ones are mostly apostrophes), not inside a word.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])‘([^‘’]{2,}?)’(?![\p{L}\p{N}])/gu)) out.push(m[1]!.trim());
  // Closing punctuation moves in and out of quotes with house style ("running," vs "running.").
  return out.map((s) => s.replace(/^[\s,.;:!?…-]+|[\s,.;:!?…-]+$/g, '')).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

// Capitalised words that start sentences or are not names on their own.
const NOT_NAME = new Set(
  'The A An In On At For And But Or If When While After Before During Since As This That These Those It Its He She They We I His Her Their Our Mr Mrs Ms Dr Officials Police'.split(' '),
);

/** Names: runs of two or more capitalised words, with leading function words dropped. */
export function namesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|of|de|van|von|al|bin|la|le|du))*(?:\s+\p{Lu}[\p{L}'’-]*)/gu)) {
    const parts = m[0].split(/\s+/);
    while (parts.length > 0 && NOT_NAME.has(parts[0]!)) parts.shift();
    if (parts.length >= 2) out.push(parts.join(' ').replace(/['’]s$/, ''));
  }
  return out;
}

/** Numbers as written ("1,200", "3.5", "40"), without trailing punctuation. */
export function numbersIn(text: string): string[] {
  return (text.match(/\d(?:[\d,.]*\d)?/g) ?? []).map((n) => n);
}

const digitsOnly = (s: string): string => s.replace(/[,\s]/g, '');

export function verifyAgainstSource(output: string, source: string): Verification {
  const problems: string[] = [];
  const src = norm(source);
  const srcLower = src.toLowerCase();
  for (const q of quotedSpans(output)) {
    if (!src.includes(norm(q))) problems.push(`quote not in source: "${q.slice(0, 80)}"`);
  }
  for (const name of namesIn(output)) {
    if (!srcLower.includes(norm(name).toLowerCase())) problems.push(`name not in source: ${name}`);
  }
  const srcNumbers = new Set(numbersIn(src).map(digitsOnly));
  for (const n of numbersIn(output)) {
    if (!srcNumbers.has(digitsOnly(n))) problems.push(`number not in source: ${n}`);
  }
  return { ok: problems.length === 0, problems };
}
