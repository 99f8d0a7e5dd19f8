// The work a queue benchmark job does: nothing ('noop'), or what process-article does to the text
// of one article ('article': quote extraction and speaker merge; the store write is left out so
// the figure is about the queue and the CPU work, not the database).
import { extractQuotes, speakersOf } from '../src/nlp/quotes.ts';

export type BenchKind = 'noop' | 'article';

// A fictional article, written for this benchmark.
const PARAS = [
  'PORT ELLISON — The harbour council voted on Tuesday to keep the northern quay open through the winter, reversing a plan announced in the spring.',
  '"We listened to the fishing crews, and we heard them," said Mara Quill, the harbour master, after the vote. "Closing the quay would have cost them the season."',
  'Councillor Tobias Wren, who had backed the closure, called the decision "a costly gamble" and warned that repairs to the sea wall could not wait another year.',
  'Quill said the council would set aside money for the wall in its next budget. "Nobody is pretending the wall is fine," she said.',
  'The Port Ellison Fishermen\'s Association welcomed the vote. Its chair, Ines Hallow, said members had "fought for this for months".',
];
export const BENCH_ARTICLE = PARAS.join('\n\n');

export function doWork(kind: BenchKind): void {
  if (kind === 'noop') return;
  const quotes = extractQuotes(BENCH_ARTICLE);
  speakersOf(quotes, BENCH_ARTICLE);
}
