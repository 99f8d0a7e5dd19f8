import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiModel } from '../../src/adapters/openai/model.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { answerQuestion } from '../../src/digest/answer.ts';
import { buildDigest } from '../../src/digest/build.ts';
import type { Digest } from '../../src/domain/types.ts';
import { createLogger } from '../../src/log.ts';
import { answerDoc } from '../../src/render/answer-doc.ts';
import { renderText } from '../../src/render/text.ts';
import type { Store } from '../../src/store/ports.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';
import { DRILL, FERRY, FIRE, NOW } from './fixtures.ts';
import { seed } from './seed.ts';

let store: Store;
let digest: Digest;

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  await seed(store, [...FIRE, DRILL, FERRY]);
  digest = await buildDigest(store, { topic: 'chemical plant', since: new Date(NOW.getTime() - 86_400_000), until: NOW });
});
afterEach(async () => {
  await store.close();
});

describe('grounded answers', () => {
  it('answers from the digest sources with numbered citations', async () => {
    const a = await answerQuestion(store, { question: 'How many workers were evacuated from the Lorrick plant?', digest, now: NOW });
    expect(a.found).toBe(true);
    expect(a.sentences[0]!.text).toMatch(/40|Forty/);
    for (const s of a.sentences) expect(a.citations.some((c) => c.n === s.cite)).toBe(true);
    expect(a.citations[0]!.outlet).toMatch(/Harbour Courier|Valley Post|Northgate Ledger/);
    expect(a.text).toMatch(/\[1\]/);
  });

  it('says the sources do not say when nothing in them answers', async () => {
    const a = await answerQuestion(store, { question: 'What did the new fire engines cost?', digest, now: NOW });
    expect(a.found).toBe(false);
    expect(a.text).toMatch(/^The sources don't say/);
    expect(a.citations).toEqual([]);
  });

  it('answers "what did <person> say" from the quote index', async () => {
    const a = await answerQuestion(store, { question: 'What did Farrant say?', digest, now: NOW });
    expect(a.found).toBe(true);
    expect(a.sentences).toEqual([{ text: 'Odile Farrant (fire chief): “The tanks held, and that is why nobody was hurt”', cite: 1 }]);
    expect(a.citations[0]!.articleId).toBe('fire-1');
  });

  it('does not answer with quotes from outside the digest', async () => {
    const a = await answerQuestion(store, { question: 'What did Mara Lindqvist say?', digest, now: NOW });
    expect(a.found).toBe(false);
    expect(a.text).toMatch(/The sources don't say what Mara Lindqvist said/);
  });

  it('answers "who said what about X" with speakers', async () => {
    const a = await answerQuestion(store, { question: 'Who said what about the boats?', topic: 'ferry', now: NOW });
    expect(a.found).toBe(true);
    expect(a.sentences[0]!.text).toMatch(/^Mara Lindqvist \(councillor\): “We have no other way/);
  });

  it('answers "who said <words>" with the quotes that say them, and says so when nobody did', async () => {
    const a = await answerQuestion(store, { question: 'Who said "the tanks held"?', digest, now: NOW });
    expect(a.sentences.map((x) => x.text)).toEqual(['Odile Farrant (fire chief): “The tanks held, and that is why nobody was hurt”']);
    const plain = await answerQuestion(store, { question: 'who said nobody was hurt', digest, now: NOW });
    expect(plain.sentences[0]?.text).toMatch(/^Odile Farrant/);
    const none = await answerQuestion(store, { question: 'Who said "dead end"?', digest, now: NOW });
    expect(none.found).toBe(false);
    expect(none.text).toBe('The sources don\'t say who said “dead end”: nobody in this digest’s sources is quoted saying it.');
  });

  it('does not stitch a "who said" answer from quotes that share only a synonym of one word', async () => {
    const text = 'Road crews in Eastmere worked through the night. “We will finish the ferry ramp by Friday,” said Jonna Vik, the works manager.';
    await store.articles.save({ ...FERRY, id: 'ramp-1', url: 'https://harbour-courier.example/ramp-1', title: 'Eastmere ferry ramp repairs', text, contentHash: 'ramp-1' });
    // "end" ~ "finish", but nothing here is about "dead": the quote does not answer the question.
    const a = await answerQuestion(store, { question: 'who said dead end', topic: 'ferry', now: NOW });
    expect(a.found).toBe(false);
    const b = await answerQuestion(store, { question: 'who said what about the ramp', topic: 'ferry', now: NOW });
    expect(b.sentences[0]?.text).toMatch(/^Jonna Vik/);
  });

  it('searches the topic over the last 7 days when there is no digest', async () => {
    const a = await answerQuestion(store, { question: 'When will fares rise on the Eastmere ferry?', topic: 'ferry', now: NOW });
    expect(a.found).toBe(true);
    expect(a.citations.map((c) => c.articleId)).toEqual(['ferry-1']);
  });

  it('renders sentences with markers and a numbered source list', async () => {
    const a = await answerQuestion(store, { question: 'What did Farrant say?', digest, now: NOW });
    const out = renderText(answerDoc(a));
    expect(out).toContain('[1] Harbour Courier: Fire tears through Lorrick chemical plant');
  });
});

describe('model answers', () => {
  let fake: FakeOpenAi;
  const log = createLogger('silent');
  beforeEach(async () => {
    fake = await startFakeOpenAi();
  });
  afterEach(async () => {
    await fake.close();
  });
  const model = () => createOpenAiModel({ apiKey: 'k', baseURL: fake.baseURL, model: 'fake', timeoutMs: 2000, dailyTokenBudget: 0 }, store.cache, log);
  const q = { question: 'How many workers were evacuated from the Lorrick plant?', now: NOW };

  it('uses a model answer whose citation and numbers check out, passing passages as data', async () => {
    fake.script({ content: JSON.stringify({ answer: [{ text: '40 workers were evacuated.', cite: 1 }] }) });
    const a = await answerQuestion(store, { ...q, digest, model: model() });
    expect(a.sentences).toEqual([{ text: '40 workers were evacuated.', cite: 1 }]);
    expect(fake.requests[0]!.body.messages![1]!.content).toMatch(/<passages>\n\[1\]/);
  });

  it('falls back to the extractive answer when the model cites a passage that does not exist', async () => {
    fake.script({ content: JSON.stringify({ answer: [{ text: '40 workers were evacuated.', cite: 99 }] }) });
    const a = await answerQuestion(store, { ...q, digest, model: model() });
    expect(a.sentences[0]!.text).not.toBe('40 workers were evacuated.');
    expect(a.found).toBe(true);
  });

  it('falls back when the model invents a number or a quote', async () => {
    fake.script({ content: JSON.stringify({ answer: [{ text: 'Farrant said “we were lucky” after 55 workers left.', cite: 1 }] }) });
    const a = await answerQuestion(store, { ...q, digest, model: model() });
    expect(a.text).not.toMatch(/55|lucky/);
  });

  it('falls back when the model returns malformed JSON', async () => {
    fake.script({ content: 'not json at all' });
    const a = await answerQuestion(store, { ...q, digest, model: model() });
    expect(a.found).toBe(true);
    expect(a.sentences.length).toBeGreaterThan(0);
  });
});

describe('broad questions', () => {
  it('answers "what happened" with the lead of recent reports from different outlets', async () => {
    const a = await answerQuestion(store, { question: 'What happened at the Lorrick plant?', digest, now: NOW });
    expect(a.found).toBe(true);
    expect(new Set(a.citations.map((c) => c.outlet)).size).toBe(a.citations.length);
    expect(a.sentences.length).toBeGreaterThan(1);
  });
});
