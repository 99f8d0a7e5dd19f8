// process-article over the production job deps (src/app/job-deps.ts) and a real SQLite store: quotes
// indexed, the article marked processed, and with a model configured the summary written once
// to the cache the digest reads. The model is the real OpenAI client against a loopback fake.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processArticle } from '../../jobs/process-article.ts';
import { createJobDeps } from '../../src/app/job-deps.ts';
import { createFetcher } from '../../src/adapters/http/fetcher.ts';
import { createOpenAiModel } from '../../src/adapters/openai/model.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { loadConfig } from '../../src/config.ts';
import { buildDigest } from '../../src/digest/build.ts';
import type { Article } from '../../src/domain/types.ts';
import type { TextModel } from '../../src/llm/port.ts';
import { createLogger } from '../../src/log.ts';
import type { Store } from '../../src/store/ports.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';

const log = createLogger('silent');
const ctx = { jobId: 'j', attempt: 1, log };
const NOW = new Date('2031-05-20T12:00:00Z');
const ARTICLE: Article = {
  id: 'quay-1',
  url: 'https://saltreach-post.example/quay-1',
  guid: null,
  sourceId: null,
  outlet: 'Saltreach Post',
  title: 'Saltreach quay to close for repairs in June',
  byline: null,
  publishedAt: new Date(NOW.getTime() - 3_600_000),
  fetchedAt: NOW,
  text:
    'The Saltreach quay will close for four weeks in June while engineers replace its timber piles, the harbour board said on Monday. ' +
    'Ferries will use the north pier instead.\n\n“The piles are older than anyone working here,” said harbour master Ines Varo.',
  contentHash: 'quay-1-v1',
};
const SUMMARY = ['The Saltreach quay will close for four weeks in June for new timber piles.', 'Ferries will use the north pier.'];

let store: Store;
let fake: FakeOpenAi;
beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  fake = await startFakeOpenAi();
  await store.articles.save(ARTICLE);
});
afterEach(async () => {
  await fake.close();
  await store.close();
});

const config = loadConfig({ DATA_DIR: '/tmp' });
const depsWith = (model: TextModel | null) => createJobDeps({ config, store, fetcher: createFetcher({ timeoutMs: 2000, maxBytes: 1024 * 1024, allowlist: [] }), queue: { enqueue: async () => 'x' }, log, model, post: null, now: () => NOW });
const fakeModel = () => createOpenAiModel({ apiKey: 'k', baseURL: fake.baseURL, model: 'fake-mini', timeoutMs: 2000, dailyTokenBudget: 0 }, store.cache, log);
const payload = { articleId: ARTICLE.id, contentHash: ARTICLE.contentHash };

describe('process-article job', () => {
  it('with a model, summarises the article once and the digest shows that summary', async () => {
    fake.script({ content: JSON.stringify({ summary: SUMMARY }) });
    const model = fakeModel();
    await processArticle.process(payload, depsWith(model), ctx);
    await processArticle.process(payload, depsWith(model), { ...ctx, attempt: 2 });
    expect(fake.requests).toHaveLength(1);
    expect((await store.quotes.forArticles([ARTICLE.id])).map((q) => q.speaker)).toEqual(['Ines Varo']);
    expect(await store.articles.pending({ limit: 10 })).toEqual([]);
    const d = await buildDigest(store, { topic: 'quay', since: new Date(NOW.getTime() - 86_400_000), until: NOW, model });
    expect(d.stories[0]?.summary).toBe(SUMMARY.join(' '));
  });

  it('still indexes quotes and marks the article processed when the model fails, and without a model asks none', async () => {
    fake.setDefault({ status: 500, raw: '{"error":{"message":"down"}}' });
    await processArticle.process(payload, depsWith(fakeModel()), ctx);
    expect(await store.articles.pending({ limit: 10 })).toEqual([]);
    expect(await store.quotes.forArticles([ARTICLE.id])).toHaveLength(1);
    const asked = fake.requests.length;
    expect(asked).toBeGreaterThan(0);
    await store.articles.save({ ...ARTICLE, text: ARTICLE.text + ' Work starts on 2 June.', contentHash: 'quay-1-v2' });
    await processArticle.process({ articleId: ARTICLE.id, contentHash: 'quay-1-v2' }, depsWith(null), ctx);
    expect(fake.requests.length).toBe(asked);
    expect(await store.articles.pending({ limit: 10 })).toEqual([]);
  });
});
