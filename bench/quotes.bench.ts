// Quote extraction + attribution throughput on one core, over deterministic synthetic quote-rich
// articles of ~5 KB (and ~50 KB for the linearity check). Every paragraph carries a quote in one of
// the usual news shapes: cue after or before, inverted order, apposition, pronoun, partial quote,
// organisation speaker, paragraph continuation. Reports the median of several passes (wall clock and
// process CPU time, which is robust when other work shares the machine) and the ratio of per-KB
// throughput between 5 KB and 50 KB articles (1.0 = perfectly linear).
import { extractQuotes } from '../src/nlp/quotes.ts';
import { median, percentile, throughputPasses } from './stats.ts';
import type { Bench, BenchRow } from './types.ts';

const FIRST = ['Ines', 'Tomas', 'Marta', 'Oskar', 'Lena', 'Pavel', 'Noor', 'Edgar', 'Sofia', 'Rui', 'Hanna', 'Bram'];
const LAST = ['Varo', 'Kessler', 'Lindqvist', 'Adeyemi', 'Moreau', 'Halloran', 'Petrov', 'Okafor', 'Brandt', 'Sato'];
const ROLES = ['the harbour commissioner', 'a spokeswoman for the port authority', 'the regional finance minister', 'the union leader'];
const ORGS = ['the Port Authority', 'the Ministry of Transport', 'Harbour Workers Union', 'the Coastal Council'];
const CUES = ['said', 'told reporters', 'added', 'warned', 'insisted', 'argued', 'explained', 'stressed'];
const LINES = [
  'We will not accept a deal that leaves the night shift without cover',
  'The ferries have run late for three winters and nobody has been held to account',
  'This budget keeps the lights on, but it does not fix the quay',
  'Nobody in this room wants a strike, least of all the people who would lose a week of pay',
  'We have asked for the inspection reports twice and we are still waiting',
  'The numbers are better than last year, which is not the same as good',
];
const PHRASES = ['a managed decline', 'reckless and avoidable', 'a serious breach of trust', 'the last chance for the harbour'];
const FILL = 'The harbour board met on Tuesday to discuss the repair schedule for the northern quay, which has been closed to heavy traffic since the spring storms damaged its supports.';

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A quote-rich article of about `bytes` characters; depends only on (seed, bytes). */
export function quoteArticle(seed: number, bytes: number): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const parts = [`Harbour talks stall as ${pick(LAST)} rejects offer`];
  while (parts.join('\n\n').length < bytes) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const line = pick(LINES);
    switch (Math.floor(r() * 8)) {
      case 0: parts.push(`“${line},” ${first} ${last}, ${pick(ROLES)}, ${pick(CUES)} on Monday. ${FILL}`); break;
      case 1: parts.push(`${first} ${last} ${pick(CUES)}: “${line}. We will meet again next week.” ${FILL}`); break;
      case 2: parts.push(`“${line},” said ${pick(ROLES)}, ${first} ${last}. “It is not over.”`); break;
      case 3: parts.push(`Mr ${last} called the plan “${pick(PHRASES)}” and said the board had ignored the divers' report. ${FILL}`); break;
      case 4: parts.push(`“${line},” she told councillors. ${FILL}`); break;
      case 5: parts.push(`${pick(ORGS)} said the closure was “${pick(PHRASES)}”. ${FILL}`); break;
      case 6: parts.push(`“${line}. And I say that as someone who has worked on the quay for twenty years.\n\n“${pick(LINES)},” ${last} said.`); break;
      default: parts.push(`${FILL} Asked about the delay, ${first} ${last} ${pick(CUES)} that the contractor had “${pick(PHRASES)}” on site.`);
    }
  }
  return parts.join('\n\n');
}

// Warm-up uses the same call as the measured passes (with the headline), so the JIT sees one shape.
const passRates = (texts: string[], passes: number) => {
  const r = throughputPasses(texts, passes, (t) => extractQuotes(t, { title: t.slice(0, t.indexOf('\n')) }));
  return { rates: r.rates, cpuRates: r.cpuRates, perArticle: r.perItem };
};

const bench: Bench = {
  name: 'quotes',
  async run({ n, quick }): Promise<BenchRow[]> {
    const count = Math.min(n, quick ? 500 : 3000);
    const passes = quick ? 3 : 7;
    const small = Array.from({ length: count }, (_, i) => quoteArticle(i + 1, 5000));
    const large = Array.from({ length: Math.max(10, Math.floor(count / 10)) }, (_, i) => quoteArticle(100_000 + i, 50_000));
    const s = passRates(small, passes);
    const l = passRates(large, passes);
    const kbSmall = small.reduce((a, t) => a + t.length, 0) / small.length / 1024;
    const kbLarge = large.reduce((a, t) => a + t.length, 0) / large.length / 1024;
    const perKbSmall = median(s.cpuRates) * kbSmall;
    const perKbLarge = median(l.cpuRates) * kbLarge;
    const quotesPer = extractQuotes(small[0]!).length;
    return [
      { metric: 'quotes throughput, ~5 KB articles (median of passes)', value: Math.round(median(s.rates)), unit: 'articles/s', note: `${passes} passes over ${count} articles, ${kbSmall.toFixed(1)} KB avg, ~${quotesPer} quotes each, one core; target >= 2000` },
      { metric: 'quotes throughput per CPU-second, ~5 KB (median)', value: Math.round(median(s.cpuRates)), unit: 'articles/s', note: 'process CPU time: robust when other work shares the machine' },
      { metric: 'quotes latency p50, ~5 KB', value: +percentile(s.perArticle, 50).toFixed(3), unit: 'ms' },
      { metric: 'quotes latency p99, ~5 KB', value: +percentile(s.perArticle, 99).toFixed(3), unit: 'ms' },
      { metric: 'quotes throughput per CPU-second, ~50 KB (median)', value: Math.round(median(l.cpuRates)), unit: 'articles/s', note: `${large.length} articles, ${kbLarge.toFixed(1)} KB avg` },
      { metric: 'quotes per-KB throughput ratio 50 KB / 5 KB', value: +(perKbLarge / perKbSmall).toFixed(2), unit: 'x', note: '1.0 = linear in article length' },
    ];
  },
};

export default bench;
