// Paywalls and sign-in walls. A page is walled when its JSON-LD says isAccessibleForFree: false
// (schema.org's paywall markup, also inside hasPart or @graph), or when its readable text is short
// and carries a "subscribe / sign in to continue" line. Wall lines are also removed from any text
// we keep, so they never become article text, a summary or a quote.
import { debugLog } from '../debug-log.ts';

const WALL_LINE = new RegExp(
  [
    '(subscribe|sign (in|up)|log ?in|register|become a (member|subscriber)|create (a )?(free )?account)\\b.{0,60}\\b(to (continue|keep) reading|to read (the|this) (full )?(article|story)|for (full|unlimited) access|to unlock)',
    '(continue|keep) reading (with|by) (a )?(subscription|subscribing)',
    'this (article|story|content) is (only )?(available|reserved|exclusive) (to|for) (our )?(subscribers|members)',
    '(subscribers|members) only\\b',
    'already a (subscriber|member)\\?',
    "you('ve| have) (reached|used) (your|all your) (free )?(article|story|monthly) limit",
    'to continue reading,? (please )?(subscribe|sign in|log in|register)',
  ].join('|'),
  'i',
);

/** A paragraph that is (part of) a wall rather than article text. */
export function isWallText(paragraph: string): boolean {
  return paragraph.length < 400 && WALL_LINE.test(paragraph);
}

export function stripWallText(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((p) => !isWallText(p))
    .join('\n\n');
}

type Json = Record<string, unknown>;

function notFree(v: unknown): boolean {
  return v === false || (typeof v === 'string' && /^false$/i.test(v.trim()));
}

/** JSON-LD nodes of a page (top level, arrays, @graph and hasPart). */
function ldNodes(blocks: string[]): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Json;
    out.push(o);
    visit(o['@graph'], depth + 1);
    visit(o.hasPart, depth + 1);
  };
  for (const b of blocks) {
    try {
      visit(JSON.parse(b), 0);
    } catch (err) {
      // A broken JSON-LD block says nothing either way.
      debugLog('JSON-LD block is not JSON: %s', err);
    }
  }
  return out;
}

/**
 * Why the page is walled, or null. `ldBlocks` are the page's JSON-LD script texts, `pageText` all
 * of its text, `articleText` the extracted article without wall lines.
 */
export function wallReason(ldBlocks: string[], pageText: string, articleText: string): string | null {
  if (ldNodes(ldBlocks).some((n) => notFree(n.isAccessibleForFree))) return 'paywall (isAccessibleForFree: false)';
  const wall = pageText.split(/\n\s*\n/).find(isWallText);
  // A wall line beside a full article is page furniture; beside a few lines it is the wall.
  if (wall && articleText.length < 1200) return 'subscription or sign-in wall';
  return null;
}
