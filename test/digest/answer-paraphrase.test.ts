// Answers to questions phrased away from the articles' words, over the fictional evaluation corpus
// (eval/answers/corpus): recency on changing figures, who-said from a few words of a quote,
// pronouns shown with the person, answer-type checks, and bad input that never errors.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { answerQuestion } from '../../src/digest/answer.ts';
import type { Article } from '../../src/domain/types.ts';
import type { Store } from '../../src/store/ports.ts';
import { digestOf, EVAL_NOW, EVENTS, loadCorpus, seedCorpus } from '../../scripts/eval-answers-corpus.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let store: Store;
let byId: Map<string, Article>;
beforeAll(async () => {
  const corpus = loadCorpus(root);
  byId = new Map(corpus.map((a) => [a.id, a]));
  store = await openSqliteStore(':memory:');
  await seedCorpus(store, corpus);
});
afterAll(() => store.close());

const inThread = (event: string) => ({ digest: digestOf(EVENTS[event]!.map((id) => byId.get(id)!), event), now: EVAL_NOW });
const DAY = 86_400_000;

describe('paraphrased questions', () => {
  it('gives the newest figure when sources disagree, from the article that has it', async () => {
    const a = await answerQuestion(store, { question: 'How many flights were scrapped over the whole strike?', ...inThread('strike') });
    expect(a.found).toBe(true);
    expect(a.text).toContain('412');
    expect(a.citations[0]!.articleId).toBe('a03');
  });

  it('finds who said something from a few of the quote’s words in another order', async () => {
    const a = await answerQuestion(store, { question: "Who said the tower can't be kept safe on goodwill?", now: EVAL_NOW });
    expect(a.sentences[0]!.text).toMatch(/^Maren Holt\b.*“.*goodwill alone/);
  });

  it('shows the person a pronoun stands for', async () => {
    const a = await answerQuestion(store, { question: 'How much is the prime minister putting into fixing school buildings?', now: EVAL_NOW });
    expect(a.sentences[0]!.text).toMatch(/^Henrik Salo announced 150 million crowns/);
  });

  it('reports what someone said when the sources report rather than quote them', async () => {
    const a = await answerQuestion(store, { question: 'What did the health minister say about the new wing?', ...inThread('hospital') });
    expect(a.text).toMatch(/Jonas Ekdal said it would end the practice/);
  });

  it('starts a yes/no answer with yes or no', async () => {
    const a = await answerQuestion(store, { question: 'Was the R17 reopened to traffic?', ...inThread('landslide') });
    expect(a.sentences[0]!.text).toMatch(/^Yes\. The R17 into Upper Kessel reopened/);
  });

  it('declines a yes/no question when no sentence speaks of what is asked, even one naming the person', async () => {
    for (const question of ['Did Daniel Orsk step down over the outage?', 'Did the regulator fine the building society?']) {
      const a = await answerQuestion(store, { question, ...inThread('bank') });
      expect(a.found).toBe(false);
      expect(a.citations).toEqual([]);
    }
  });

  it('declines when the best sentence lacks the word that says what the question is about, though its article has it', async () => {
    const a = await answerQuestion(store, { question: 'When does the subsidised water taxi to Tarn start?', now: EVAL_NOW, since: new Date(EVAL_NOW.getTime() - 60 * DAY) });
    expect(a.found).toBe(false);
  });

  it('reads "in charge" as running something and "couldn’t" as a negation, not as words of their own', async () => {
    const boss = await answerQuestion(store, { question: 'Who is in charge of Skyvale Holdings?', now: EVAL_NOW });
    expect(boss.text).toContain('Petra Vance');
    const cards = await answerQuestion(store, { question: "How many customers couldn't use their cards?", ...inThread('bank') });
    expect(cards.text).toContain('220,000');
  });

  it('takes the words of a "during …" phrase as the scene, found anywhere in the article', async () => {
    const a = await answerQuestion(store, { question: 'What were shops doing amid the card outage?', ...inThread('bank') });
    expect(a.text).toMatch(/turning away customers/);
  });

  it('answers how far with a distance', async () => {
    const a = await answerQuestion(store, { question: 'How far is Halden Ridge airport from Drennick?', ...inThread('strike') });
    expect(a.text).toContain('140 kilometres');
  });

  it('declines a future question that only a past event matches', async () => {
    const a = await answerQuestion(store, { question: 'Who will be the next finance minister?', ...inThread('finance') });
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
  });

  it('declines a "how much" question when no sentence has an amount of it', async () => {
    const a = await answerQuestion(store, { question: 'How much did the landslide repairs cost?', ...inThread('landslide') });
    expect(a.found).toBe(false);
  });

  it('says which window it searched, and a wider window finds the older report', async () => {
    const q = 'Why is the ferry to Tarn being withdrawn?';
    const narrow = await answerQuestion(store, { question: q, now: EVAL_NOW });
    expect(narrow.found).toBe(false);
    expect(narrow.text).toMatch(/the last 7 days.*since:30d/);
    const wide = await answerQuestion(store, { question: q, now: EVAL_NOW, since: new Date(EVAL_NOW.getTime() - 60 * DAY) });
    expect(wide.text).toMatch(/falling passenger numbers/);
  });
});

describe('bad input gets a clear answer or a decline, never an error', () => {
  it.each([
    ['empty', ''],
    ['only punctuation', '?!'],
    ['500 characters', `Why did the controllers walk out ${'and what happened next '.repeat(21)}`.slice(0, 500)],
    ['another language', '¿Por qué hicieron huelga los controladores aéreos?'],
    ['another language with a name from the sources', 'Warum streiken die Fluglotsen in Drennick?'],
    ['only a quoted phrase', '"empty chairs"'],
    ['a person not in the sources', 'What did Councillor Brigit Saar say about the ferry?'],
    ['a name not in the sources', 'Why did Oswin Trask resign?'],
  ])('%s', async (_what, question) => {
    const a = await answerQuestion(store, { question, ...inThread('strike') });
    expect(typeof a.text).toBe('string');
    expect(a.text.length).toBeGreaterThan(10);
    if (!a.found) expect(a.citations).toEqual([]);
  });

  it('answers a question that is only a quoted phrase with who said it', async () => {
    const a = await answerQuestion(store, { question: '"a plaster on a broken leg"', ...inThread('strike') });
    expect(a.text).toMatch(/Maren Holt/);
  });

  it('declines, naming the person, when the question names someone no source mentions', async () => {
    const a = await answerQuestion(store, { question: 'Why did Oswin Trask resign?', ...inThread('strike') });
    expect(a.found).toBe(false);
    expect(a.text).toMatch(/Oswin Trask/);
  });

  it('asks for a shorter question above 500 characters', async () => {
    const a = await answerQuestion(store, { question: 'why '.repeat(130), now: EVAL_NOW });
    expect(a.found).toBe(false);
    expect(a.text).toMatch(/500 or fewer/);
  });
});
