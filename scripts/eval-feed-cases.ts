// Feed-suite-style figures over the feed-case fixtures (test/fixtures/feeds/cases): how many
// `Expect:` lines the `newsbot feed --json` output meets. `npm run eval:feeds`.
import { isDeepStrictEqual } from 'node:util';
import { at, loadCases, readCase } from '../test/ingest/feed-cases.ts';

let met = 0;
let total = 0;
for (const c of loadCases()) {
  const line = readCase(c);
  const misses = c.expectations.filter((e) => !isDeepStrictEqual(at(line, e.path), e.expected));
  met += c.expectations.length - misses.length;
  total += c.expectations.length;
  const status = misses.length ? `${c.expectations.length - misses.length}/${c.expectations.length}` : 'ok';
  process.stdout.write(`${status.padEnd(6)} ${c.name}${line.error ? `  (error: ${String(line.error)})` : ''}\n`);
  for (const m of misses) process.stdout.write(`         ${m.path}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(at(line, m.path))}\n`);
}
process.stdout.write(`\n${met} of ${total} expectations met (${(met / Math.max(1, total)).toFixed(3)})\n`);
