// The store contract: every Store adapter (SQLite, PostgreSQL) must pass this same suite.
// `open` opens the suite's database (the same one on every call, so reopening shows what persisted);
// tests share it and keep apart by unique ids and dates. `cleanup` runs once at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/ports.ts';
import { articleContract } from './store-articles.contract.ts';
import { batchContract } from './store-batch.contract.ts';
import { type StoreCtx, article, era, resetEras, uid } from './store-fixtures.ts';
import { fullTextContract } from './store-fulltext.contract.ts';
import { miscContract } from './store-misc.contract.ts';
import { quoteContract } from './store-quotes.contract.ts';

export function storeContract(label: string, open: () => Promise<Store>, cleanup?: () => Promise<void>): void {
  describe(`Store contract: ${label}`, () => {
    let current: Store | null = null;
    const ctx: StoreCtx = {
      store: () => {
        if (!current) throw new Error('store not open');
        return current;
      },
      reopen: async () => {
        await current?.close();
        current = await open();
        return current;
      },
    };

    beforeAll(async () => {
      resetEras();
      current = await open();
    });
    afterAll(async () => {
      await current?.close();
      current = null;
      await cleanup?.();
    });

    it('answers ping while open', async () => {
      await expect(ctx.store().ping()).resolves.toBeUndefined();
    });

    it('keeps articles, thread links and claims when the database is reopened', async () => {
      const a = article({ publishedAt: era().at(1) });
      await ctx.store().articles.save(a);
      const digestId = uid('dig');
      await ctx.store().digests.save(
        { id: digestId, topic: 't', since: a.publishedAt, until: a.publishedAt, stories: [], articleCount: 0, overview: 'o', createdAt: a.publishedAt },
        { platform: 'discord', workspaceId: 'g', channelId: 'c' },
      );
      const thread = uid('thread');
      await ctx.store().digests.linkThread('discord', thread, digestId);
      const sub = uid('sub');
      await ctx.store().posts.claim(sub, 'p', 'w', 600_000);

      const reopened = await ctx.reopen();
      expect((await reopened.digests.digestForThread('discord', thread))?.id).toBe(digestId);
      expect(await reopened.articles.get(a.id)).toEqual(a);
      expect(await reopened.posts.claim(sub, 'p', 'w2', 600_000)).toBe(false);
    });

    articleContract(ctx);
    batchContract(ctx);
    quoteContract(ctx);
    miscContract(ctx);
    fullTextContract(ctx);
  });
}
