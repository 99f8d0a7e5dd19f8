// Trailing boilerplate removal for article text (paragraphs separated by "\n\n"). Conservative:
// a section marker ("You May Also Like", "Related:", "Read more") cuts the text only in its last
// half or before a list of headline-short lines, trailing lines are removed only while they look like boilerplate, and short photo-credit
// lines go wherever they are. A paragraph of real prose is never removed for containing a keyword.

const SECTION_CUT = /^(you (may|might) also like|related( (stories|articles|coverage|reading))?:?|read more\b|more from\b|more stories\b|recommended( for you)?:?|most read\b|trending( now)?:?|further reading:?)/i;

const TRAILING = [
  /^(©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
  /^(subscribe|sign up|join our|get our|never miss)\b.{0,200}$/i,
  /\b(newsletter|subscribe)\b.{0,80}$/i,
  /^(follow us|share (this|on)|like us on|click here)\b/i,
  /^(photo|photograph|image|picture|illustration)( credit)?s?\s*:/i,
  /^(tags?|topics?|filed under)\s*:/i,
  /^(advertisement|sponsored( content)?)$/i,
];

const PHOTO_CREDIT = /^(\(?(photo|photograph|image|picture|illustration)( credit)?s?\s*(:|by\b)|credit:|getty images$|reuters\/)/i;

function isTrailingBoilerplate(p: string): boolean {
  return p.length < 300 && TRAILING.some((re) => re.test(p));
}

export function stripBoilerplate(paragraphs: string[]): string[] {
  let out = paragraphs.filter((p) => !(p.length < 160 && PHOTO_CREDIT.test(p)));
  const half = Math.floor(out.length / 2);
  for (let i = 1; i < out.length; i++) {
    // A marker cuts when it sits in the second half, or when all that follows is headline-short.
    const tailIsList = out.slice(i + 1).every((p) => p.length < 160);
    if (out[i]!.length < 120 && SECTION_CUT.test(out[i]!) && (i >= half || tailIsList)) {
      out = out.slice(0, i);
      break;
    }
  }
  while (out.length > 1 && isTrailingBoilerplate(out[out.length - 1]!)) out.pop();
  return out;
}

export function stripBoilerplateText(text: string): string {
  return stripBoilerplate(text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)).join('\n\n');
}
