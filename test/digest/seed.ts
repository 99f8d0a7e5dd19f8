// Loads fixture articles and their quotes into a real store.
import type { Article } from '../../src/domain/types.ts';
import type { Store } from '../../src/store/ports.ts';
import { QUOTES } from './fixtures.ts';

export async function seed(store: Store, articles: Article[]): Promise<void> {
  for (const a of articles) await store.articles.save(a);
  const ids = new Set(articles.map((a) => a.id));
  for (const { articleId, quotes } of QUOTES) {
    if (!ids.has(articleId)) continue;
    const speakers = quotes
      .filter((q) => q.speaker)
      .map((q) => ({ key: q.speaker!.toLowerCase(), name: q.speaker!, aliases: [q.speaker!.split(' ').at(-1)!], role: q.speakerRole }));
    await store.quotes.replaceForArticle(articleId, quotes, speakers);
  }
}
