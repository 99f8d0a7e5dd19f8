// Offline summariser throughput on one core: summarise() over synthetic articles (3-6 KB each),
// several timed passes over the same set after a warm-up pass. Reports the median pass rate and
// per-article latency percentiles. The CPU-time rate is printed too: wall-clock rates drop when
// other processes share the cores, CPU time does not.
import { summarise } from '../src/nlp/summarise.ts';
import { median, percentile, throughputPasses } from './stats.ts';
import { generateArticles } from './synthetic.ts';
import type { Bench, BenchRow } from './types.ts';

const bench: Bench = {
  name: 'summarise',
  async run({ n, quick }): Promise<BenchRow[]> {
    const count = Math.min(n, quick ? 500 : 2000);
    const articles = [...generateArticles(count, 7)];
    const passes = quick ? 3 : 7;
    const { rates, cpuRates, perItem: perArticle } = throughputPasses(articles, passes, (a) => summarise(a.text, { title: a.title }));
    const kb = articles.reduce((s, a) => s + a.text.length, 0) / count / 1024;
    return [
      { metric: 'summarise throughput (median of passes)', value: Math.round(median(rates)), unit: 'articles/s', note: `${passes} passes over ${count} articles, ${kb.toFixed(1)} KB avg, one core; target >= 500` },
      { metric: 'summarise throughput per CPU-second (median)', value: Math.round(median(cpuRates)), unit: 'articles/s', note: 'process CPU time: robust when other work shares the machine' },
      { metric: 'summarise latency p50', value: +percentile(perArticle, 50).toFixed(3), unit: 'ms' },
      { metric: 'summarise latency p99', value: +percentile(perArticle, 99).toFixed(3), unit: 'ms' },
    ];
  },
};

export default bench;
