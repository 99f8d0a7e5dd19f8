// Page clutter removed before Readability reads the page: navigation, cookie and consent banners,
// "related stories", share bars, newsletter boxes and similar furniture. Readability drops much of
// it by itself; these are the blocks it keeps when they sit inside the article element. A block
// is removed only while it is short, so a page that wraps its whole body in such a class survives.

const TAGS = 'nav, aside, footer, form, dialog, [role="navigation"], [role="complementary"], [role="dialog"], [aria-modal="true"]';
const NAMES = /(^|[\s_-])(cookie|cookies|consent|gdpr|newsletter|signup|sign-up|share|sharing|social|related|recommended|recommendations|most-read|mostread|trending|promo|banner|breadcrumbs?|subscribe-box|outbrain|taboola)([\s_-]|$)/i;
const MAX_CLUTTER_CHARS = 1500;

interface El {
  tagName: string;
  textContent: string | null;
  getAttribute(n: string): string | null;
  remove(): void;
}

interface Doc {
  querySelectorAll(sel: string): Iterable<unknown>;
}

export function removeClutter(document: Doc): void {
  const named = [...document.querySelectorAll('[class], [id]')] as El[];
  const tagged = [...document.querySelectorAll(TAGS)] as El[];
  for (const el of [...tagged, ...named]) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'BODY' || tag === 'HTML' || tag === 'ARTICLE' || tag === 'MAIN') continue;
    const isNamed = NAMES.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
    if (!isNamed && !tagged.includes(el)) continue;
    if ((el.textContent ?? '').length <= MAX_CLUTTER_CHARS) el.remove();
  }
}
