import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiModel } from '../../src/adapters/openai/model.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { BudgetExceededError, ModelUnavailableError } from '../../src/llm/errors.ts';
import { createLogger } from '../../src/log.ts';
import type { CacheStore, Store } from '../../src/store/ports.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';

const log = createLogger('silent');
const now = () => new Date('2030-03-04T10:00:00Z');
let fake: FakeOpenAi;
let store: Store;

beforeEach(async () => {
  fake = await startFakeOpenAi();
  store = await openSqliteStore(':memory:');
});
afterEach(async () => {
  await fake.close();
  await store.close();
});

const model = (extra: Partial<Parameters<typeof createOpenAiModel>[0]> = {}) =>
  createOpenAiModel(
    { apiKey: 'test-key', baseURL: fake.baseURL, model: 'fake-mini', timeoutMs: 2000, dailyTokenBudget: 10_000, now, ...extra },
    store.cache,
    log,
  );

describe('OpenAI-compatible model adapter', () => {
  it('sends system and user messages, asks for JSON mode and records token usage for the day', async () => {
    fake.script({ content: '{"ok":true}', promptTokens: 120, completionTokens: 30 });
    const res = await model().complete({ system: 'rules', user: 'data', json: true });
    expect(res).toMatchObject({ text: '{"ok":true}', promptTokens: 120, completionTokens: 30 });
    const body = fake.requests[0]!.body;
    expect(body.messages).toEqual([
      { role: 'system', content: 'rules' },
      { role: 'user', content: 'data' },
    ]);
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer test-key');
    expect(await store.cache.usage('2030-03-04')).toEqual([
      { day: '2030-03-04', model: 'fake-mini', promptTokens: 120, completionTokens: 30, calls: 1 },
    ]);
  });

  it('retries after 500 and 429 replies and succeeds when the server recovers', async () => {
    fake.script({ status: 500 }, { status: 429 }, { content: 'fine' });
    const res = await model().complete({ system: 's', user: 'u' });
    expect(res.text).toBe('fine');
    expect(fake.requests).toHaveLength(3);
  });

  it('gives up with ModelUnavailableError after the retries are spent', async () => {
    fake.setDefault({ status: 503 });
    await expect(model({ maxRetries: 2 }).complete({ system: 's', user: 'u' })).rejects.toBeInstanceOf(ModelUnavailableError);
    expect(fake.requests).toHaveLength(3);
  });

  it('does not retry a client error such as 400', async () => {
    fake.script({ status: 400 });
    await expect(model().complete({ system: 's', user: 'u' })).rejects.toBeInstanceOf(ModelUnavailableError);
    expect(fake.requests).toHaveLength(1);
  });

  it('throws ModelUnavailableError when the server is slower than the timeout', async () => {
    fake.script({ delayMs: 1500, content: 'late' });
    await expect(model({ timeoutMs: 200 }).complete({ system: 's', user: 'u' })).rejects.toThrow(/timed out/);
  });

  it('refuses to call the API once the daily token budget is used up', async () => {
    await store.cache.addUsage('2030-03-04', 'fake-mini', 900, 100);
    await expect(model({ dailyTokenBudget: 1000 }).complete({ system: 's', user: 'u' })).rejects.toBeInstanceOf(BudgetExceededError);
    expect(fake.requests).toHaveLength(0);
  });

  it('checks the token budget again before each retry', async () => {
    fake.script({ status: 500 }, { content: 'too late' });
    let checks = 0;
    // The first check passes; by the retry the day's usage is over the budget.
    const cache: CacheStore = Object.assign(Object.create(store.cache) as CacheStore, {
      usage: async (day: string) => (++checks > 1 ? [{ day: '2030-03-04', model: 'fake-mini', promptTokens: 900, completionTokens: 200, calls: 1 }] : store.cache.usage(day)),
    });
    const m = createOpenAiModel({ apiKey: 'test-key', baseURL: fake.baseURL, model: 'fake-mini', timeoutMs: 2000, dailyTokenBudget: 1000, now }, cache, log);
    await expect(m.complete({ system: 's', user: 'u' })).rejects.toBeInstanceOf(BudgetExceededError);
    expect(fake.requests).toHaveLength(1);
  });

  it('counts only the current UTC day against the budget', async () => {
    await store.cache.addUsage('2030-03-03', 'fake-mini', 5000, 5000);
    fake.script({ content: 'today' });
    expect((await model({ dailyTokenBudget: 1000 }).complete({ system: 's', user: 'u' })).text).toBe('today');
  });

  it('treats a reply without message content as unavailable', async () => {
    fake.script({ raw: '{"choices":[]}' });
    await expect(model().complete({ system: 's', user: 'u' })).rejects.toBeInstanceOf(ModelUnavailableError);
  });
});
