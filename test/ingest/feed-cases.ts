// Feed-case fixtures in the style of a feed parser's own test suite: each file in
// test/fixtures/feeds/cases/ opens with a comment holding `Expect: <path> == <JSON value>` lines
// (and optionally `Url: <document URL>`), checked against the `newsbot feed --json` line.
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { feedJson } from '../../src/cli/feed.ts';
import { decodeBody } from '../../src/ingest/charset.ts';
import { parseFeedText } from '../../src/ingest/feeds.ts';

export const CASES_DIR = new URL('../fixtures/feeds/cases/', import.meta.url);

export interface Expectation {
  path: string;
  expected: unknown;
}

export interface FeedCase {
  name: string;
  text: string;
  url: string;
  expectations: Expectation[];
}

export function loadCases(): FeedCase[] {
  return readdirSync(CASES_DIR)
    .filter((f) => /\.(xml|json)$/.test(f))
    .sort()
    .map((name) => {
      const file = new URL(name, CASES_DIR);
      const { text } = decodeBody(readFileSync(file), null);
      const header = /<!--([\s\S]*?)-->/.exec(text)?.[1] ?? '';
      const url = /^Url:\s*(\S+)/m.exec(header)?.[1] ?? pathToFileURL(file.pathname).href;
      const expectations = [...header.matchAll(/^Expect:\s*(\S+)\s*==\s*(.+)$/gm)].map((m) => ({ path: m[1]!, expected: JSON.parse(m[2]!) as unknown }));
      return { name, text, url, expectations };
    });
}

/** Reads `items[0].title` or `items.length` from a value. */
export function at(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (v === null || v === undefined) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** The feed's JSON line, or `{ error }` when it cannot be read. */
export function readCase(c: FeedCase): Record<string, unknown> {
  try {
    return feedJson(c.name, parseFeedText(c.text, c.url));
  } catch (err) {
    return { error: (err as Error).message };
  }
}
