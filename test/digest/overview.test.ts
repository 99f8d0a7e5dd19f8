import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiModel } from '../../src/adapters/openai/model.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { buildDigest } from '../../src/digest/build.ts';
import { createLogger } from '../../src/log.ts';
import type { Store } from '../../src/store/ports.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';
import { DRILL, FERRY, FIRE, NOW } from './fixtures.ts';
import { seed } from './seed.ts';

let store: Store;
let fake: FakeOpenAi;
const log = createLogger('silent');
const req = () => ({
  topic: 'chemical plant',
  since: new Date(NOW.getTime() - 86_400_000),
  until: NOW,
  model: createOpenAiModel({ apiKey: 'k', baseURL: fake.baseURL, model: 'fake', timeoutMs: 300, dailyTokenBudget: 0, maxRetries: 0 }, store.cache, log),
  log,
});

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  fake = await startFakeOpenAi();
  await seed(store, [...FIRE, DRILL, FERRY]);
});
afterEach(async () => {
  await fake.close();
  await store.close();
});

describe('digest overview from the model', () => {
  it('keeps an overview whose names and numbers come from the stories, sent as data', async () => {
    fake.script({ content: JSON.stringify({ overview: 'A fire at the Brannock Chemicals plant in Lorrick forced 40 workers out; Varnby plans a drill.' }) });
    const d = await buildDigest(store, req());
    expect(d.overview).toMatch(/^A fire at the Brannock Chemicals plant/);
    expect(fake.requests[0]!.body.messages![1]!.content).toMatch(/^<data>\n/);
  });

  it('drops an overview with an invented number', async () => {
    fake.script({ content: JSON.stringify({ overview: 'A fire in Lorrick forced 400 workers out.' }) });
    const d = await buildDigest(store, req());
    expect(d.overview).toBeNull();
    expect(d.stories.length).toBe(2);
  });

  it('still returns the digest when the model times out or answers with malformed JSON', async () => {
    fake.script({ delayMs: 1000, content: '{}' });
    expect((await buildDigest(store, req())).overview).toBeNull();
    fake.script({ content: '{"overview": 42' });
    const d = await buildDigest(store, req());
    expect(d.overview).toBeNull();
    expect(d.stories.length).toBe(2);
  });
});

describe('story summaries with a model configured', () => {
  it('uses a verified model summary cached for the lead article, without calling the model for it', async () => {
    const { summaryCacheKey } = await import('../../src/llm/summarise-llm.ts');
    for (const a of FIRE) await store.cache.put(summaryCacheKey(a.contentHash, 'fake'), JSON.stringify({ summary: ['Cached summary of the Lorrick fire.'] }));
    fake.setDefault({ content: JSON.stringify({ overview: 'Lorrick.' }) });
    const d = await buildDigest(store, req());
    expect(d.stories[0]!.summary).toBe('Cached summary of the Lorrick fire.');
    expect(fake.requests).toHaveLength(1); // the overview only
  });
});
