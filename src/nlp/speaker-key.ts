// Cross-article speaker identity. Two speakers are one person when their surnames agree and their
// first names are compatible ("Luc Marin" ~ "L. Marin" ~ "Marin"); a different first name
// means a different person ("Ana Roe" vs "Tom Roe"). Organisations match by full key.

const HONORIFIC = /^(mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof|sen|rep|gov)\.?\s+/i;

/** Stable key: lowercase, accents folded, punctuation removed, honorifics and a leading "the" dropped. */
export function speakerKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(HONORIFIC, '')
    .replace(/^the\s+/, '');
}

function firstAndLast(key: string): { first: string | null; last: string; middle: string[] } {
  const parts = key.split(' ').filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  return { first: parts.length > 1 ? parts[0]! : null, last, middle: parts.slice(1, -1) };
}

/**
 * Whether two speaker names denote the same person. Same surname and compatible first names
 * (equal, one an initial of the other, or one missing) => same; otherwise different.
 */
export function sameSpeaker(a: string, b: string): boolean {
  const ka = speakerKey(a);
  const kb = speakerKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const x = firstAndLast(ka);
  const y = firstAndLast(kb);
  if (x.last !== y.last) return false;
  if (x.first === null || y.first === null) return true;
  if (x.first === y.first) return true;
  return (x.first.length === 1 || y.first.length === 1) && x.first[0] === y.first[0];
}
