// Boilerplate that news pages wrap around the story: bylines, publication stamps, "Read more"
// and share prompts, copyright lines, photo credits and comment notices. The summariser drops
// such sentences and strips datelines ("Seoul (CNN) -- ") so neither reaches a summary.
// Rules are deliberately general (shapes of text, not outlet lists) and conservative: a sentence
// is only dropped when it is clearly not part of the story.

const SENTENCE_RULES: RegExp[] = [
  // Bylines: "By . Daily Mail Reporter .", "By Jane Doe for MailOnline", "By JANE DOE, Political Editor".
  // Short only, so "By Monday, the talks had failed." stays.
  /^(?=.{0,80}$)(By|BY)\s*[.:]?\s*(\p{Lu}[\p{L}'’.-]*\s*){1,4}(\s*(and|&)\s*(\p{Lu}[\p{L}'’.-]*\s*){1,4})?\s*([,.|-]|for\b|in\b|$)/u,
  /^(By|BY)\s*\.\s*/u,
  // Publication stamps.
  /\b(published|updated|last updated|posted)\s*:?\s*\.?\s*(at\s+)?\d{1,2}[:.]\d{2}/i,
  /^(published|updated|last (updated|modified)|posted)\s*(on|at|:)/i,
  // Calls to action and navigation.
  /^(read more|read|more|see also|related|watch|click here|scroll down|follow us|follow @|share this|sign up|subscribe)\b.*(:|here|below|video|\.com|@\w)/i,
  /^(read more|see also|related( articles?| stories)?|recommended|advertisement|watch the video|watch video)\s*[:.]?/i,
  /\bscroll down for (the )?(video|more|pictures)\b/i,
  /\bclick here (to|for)\b/i,
  /\bfollow (us|him|her|them|\p{Lu}[\p{L}]+) on (twitter|facebook|instagram)\b/iu,
  /^follow @\w+/i,
  /\b(we are|we're) not currently accepting comments\b/i,
  /\b(comments? (are|is) (now )?closed)\b/i,
  /\b(share|tweet|email) this (article|story|page)\b/i,
  // Copyright and agency notices.
  /(©|\(c\)\s*\d{4}|\bcopyright\b\s*(©|\d{4}|\p{Lu}))/iu,
  /\ball rights reserved\b/i,
  /\bmay not be (published|reproduced),? broadcast\b/i,
  // Photo and video credits.
  /^(photo|picture|image|video|graphic|illustration)s?\s*(credit)?\s*:/i,
  /^(credit|source)\s*:\s*\S/i,
  /\((photo|picture|image)s?\s*:[^)]*\)\s*\.?$/i,
  /\b(getty images|ap photo|rex features|shutterstock|rex\/shutterstock)\s*\.?$/i,
  // Contributor notes.
  /\bcontributed to this (report|story|article)\b/i,
];

// Every rule needs one of these (checked case-insensitively); most sentences have none, so they
// skip the rules entirely (this check otherwise dominates the summariser's cost).
const PREFILTER =
  /^(?:by|more|read|related|watch|source|credit|photo|picture|image|video|graphic|illustration|recommended|advertisement|see also|sign up|subscribe|follow|share|click|scroll|published|updated|last|posted)|publish|updat|posted|scroll down|click here|follow|comment|this (?:article|story|page)|©|\(c\)|copyright|rights reserved|reproduced|\((?:photo|picture|image)|getty|ap photo|rex|shutterstock|contributed/i;

/** True when a sentence is page furniture rather than part of the story. */
export function isBoilerplate(sentence: string): boolean {
  const s = sentence.trim();
  if (s.length === 0) return true;
  // Lines with no letters (". ", "|", "- -") are separators left over from page markup.
  if (!/\p{L}/u.test(s)) return true;
  if (!PREFILTER.test(s)) return false;
  return SENTENCE_RULES.some((re) => re.test(s));
}

// "Seoul, South Korea (CNN) -- ", "(CNN)", "LONDON (Reuters) - ": an agency dateline at the start.
const DATELINE = /^\s*(?:[\p{Lu}][\p{L}.'’ -]{0,40}(?:,\s*[\p{Lu}][\p{L}.'’ -]{0,30})?\s*)?\((?:CNN|AP|Reuters|AFP|UPI|dpa|EFE|PA|Bloomberg)\)\s*(?:--|—|–|-|:)?\s*/u;
// "Saltmarsh (Northgate Ledger) -- ": any outlet in parentheses, when a dash follows.
const OUTLET_DATELINE = /^\s*[\p{Lu}][\p{L}.'’ -]{0,40}(?:,\s*[\p{Lu}][\p{L}.'’ -]{0,30})?\s*\((?:\p{Lu}[\p{L}.&'’-]*\s?){1,4}\)\s*(?:--|—|–|-)\s+/u;
// "LONDON — " style: an all-caps place followed by a dash.
const CAPS_DATELINE = /^\s*[\p{Lu}][\p{Lu} .,'’-]{2,30}\s+(?:—|–|--)\s+/u;

// Page headers that the sentence splitter would cut into fragments ("By ." + "Jane Doe ."), so they
// are removed from the text before splitting: "By . Jane Doe for the Ledger .", and publication
// stamps "PUBLISHED: . 08:12 EST, 3 March 2031 . | . UPDATED: . 11:40 EST, 3 March 2031 .".
const HEADER_BYLINE = /^\s*(?:By|BY)\s*\.\s*[^.\n]{1,80}?\s\.\s*/u;
const STAMP = /(?:PUBLISHED|UPDATED|Published|Updated|Last updated)\s*:?\s*\.?\s*(?:at\s+)?\d{1,2}[:.]\d{2}[^|\n]{0,40}?\d{4}\s*\.?\s*(?:\|\s*\.?\s*)?/gu;

/** The text with page headers (bylines in header form, publication stamps) and the dateline removed. */
export function stripHeaders(text: string): string {
  let t = text.replace(STAMP, ' ');
  t = t.replace(HEADER_BYLINE, '').trimStart();
  const d = datelineLength(t);
  return d > 0 ? t.slice(d) : t;
}

/** Length of a leading dateline to skip (0 when there is none). */
export function datelineLength(text: string): number {
  const m = DATELINE.exec(text) ?? OUTLET_DATELINE.exec(text) ?? CAPS_DATELINE.exec(text);
  return m ? m[0].length : 0;
}
