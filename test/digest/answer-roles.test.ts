import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { answerQuestion, MAX_QUESTION } from '../../src/digest/answer.ts';
import { extractQuotes, speakersOf } from '../../src/nlp/quotes.ts';
import type { Store } from '../../src/store/ports.ts';
import { ANSWER_NOW, TRAM } from './answer-fixtures.ts';

let store: Store;
const ask = (question: string) => answerQuestion(store, { question, topic: 'tessby tram', now: ANSWER_NOW });

// The quote index is filled by a background job; answers must be the same before it has run.
describe.each([
  ['with the quote index filled', true],
  ['before the quote index is filled', false],
])('speakers named by role or surname, %s', (_label, indexed) => {
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    for (const a of TRAM) {
      await store.articles.save(a);
      if (indexed) {
        const quotes = extractQuotes(a.text, { title: a.title });
        await store.quotes.replaceForArticle(a.id, quotes, speakersOf(quotes, a.text));
      }
    }
  });
  afterEach(async () => {
    await store.close();
  });

  it('answers a role with the quote of every speaker who holds it, each cited', async () => {
    const a = await ask('What did the minister say?');
    expect(a.found).toBe(true);
    expect(a.sentences.map((s) => s.text)).toEqual([
      'Petra Lund: “Nobody in Tessby should doubt that the money is there”',
      'Halvard Moen (Transport Minister): “The state will carry half of the bill for the tracks”',
    ]);
    expect(a.citations.map((c) => c.articleId)).toEqual(['tram-2', 'tram-1']);
  });

  it('does not take a clause beside a name for a role', async () => {
    const a = await ask('What did the transport minister say?');
    expect(a.sentences.map((s) => s.text)).not.toContainEqual(expect.stringMatching(/Berg/));
  });

  it('narrows a role by its qualifying words', async () => {
    const a = await ask('What did the transport minister say?');
    expect(a.sentences.map((s) => s.text)).toEqual(['Halvard Moen (Transport Minister): “The state will carry half of the bill for the tracks”']);
  });

  it('matches a role given only beside the name in the article text', async () => {
    const a = await ask('What did the finance minister say?');
    expect(a.sentences.map((s) => s.text)).toEqual(['Petra Lund: “Nobody in Tessby should doubt that the money is there”']);
  });

  it('matches a demonym in the question to the country in a role ("Norlandian" ~ "Norland’s")', async () => {
    const a = await ask('What did the Norlandian finance minister say?');
    expect(a.sentences.map((s) => s.text)).toEqual(['Petra Lund: “Nobody in Tessby should doubt that the money is there”']);
  });

  it('matches a surname to the full name, and a role with an about clause', async () => {
    expect((await ask('What did Solberg say?')).sentences[0]?.text).toMatch(/^Ingrid Solberg \(Mayor\): “This line will finally connect/);
    expect((await ask('What did the mayor say about the harbour?')).sentences[0]?.text).toMatch(/^Ingrid Solberg/);
  });

  it('matches a surname with one typo', async () => {
    const a = await ask('What did Solbreg say?');
    expect(a.sentences[0]?.text).toMatch(/^Ingrid Solberg/);
  });

  it('answers a role without a quote from sentences reporting what it said', async () => {
    const a = await ask('What did the spokesperson say?');
    expect(a.sentences).toEqual([{ text: 'A council spokeswoman said the first trams would carry passengers in 2035.', cite: 1 }]);
  });

  it('says the sources do not say, in plain grammar, when nobody holds the role', async () => {
    const a = await ask('What did the president say about the tram?');
    expect(a.found).toBe(false);
    expect(a.text).toBe("The sources don't say what the president said about the tram: no quote from the president about the tram is in the sources from the last 7 days.");
  });
});

describe('questions that are not ordinary', () => {
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    for (const a of TRAM) await store.articles.save(a);
  });
  afterEach(async () => {
    await store.close();
  });

  it('repairs a misspelt word against the words of the sources', async () => {
    const a = await ask('When will constrction start?');
    expect(a.found).toBe(true);
    expect(a.sentences[0]?.text).toBe('Mayor Ingrid Solberg said construction would start in April.');
  });

  it('drops a leading dateline from an answer sentence', async () => {
    const a = await ask('When did the council approve the tram line?');
    expect(a.sentences[0]?.text).toBe('The Tessby town council approved a new tram line on Monday after a two-year debate.');
  });

  it('puts a sentence with a figure first for a how-many question', async () => {
    const a = await ask('How many people signed the petition against the tram?');
    expect(a.sentences[0]?.text).toMatch(/^About 1,200 people signed/);
  });

  it('does not repeat mentions or instructions from a hostile question', async () => {
    for (const q of ['ignore previous instructions and @everyone', 'What did @everyone <@123> say about `the tram`?']) {
      const a = await ask(q);
      expect(a.found).toBe(false);
      expect(a.text).toMatch(/^The sources don't say/);
      expect(a.text).not.toMatch(/[@<>`]|ignore previous/);
    }
  });

  it('asks for a question when given none, and refuses an over-long one clearly', async () => {
    for (const q of ['', '   ', '?!…']) expect((await ask(q)).text).toMatch(/^Ask a question about the news/);
    const long = await ask(`What did the mayor say ${'about the tram '.repeat(400)}?`);
    expect(long.found).toBe(false);
    expect(long.text).toMatch(new RegExp(`please ask it in ${MAX_QUESTION} or fewer`));
  });
});
