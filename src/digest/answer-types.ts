// The answer shape shown to users, and the helpers that number citations in order of first use.
import type { Article } from '../domain/types.ts';

export interface Citation {
  n: number;
  articleId: string;
  title: string;
  outlet: string;
  url: string;
  publishedAt: Date;
}

export interface Answer {
  found: boolean;
  text: string;
  sentences: { text: string; cite: number }[];
  citations: Citation[];
  /** Set when a model wrote the answer (and it passed verification). */
  byModel?: boolean;
}

/** Collects citations in order of first use. */
export class Citations {
  readonly list: Citation[] = [];
  private readonly byId = new Map<string, number>();
  cite(a: Pick<Article, 'id' | 'title' | 'outlet' | 'url' | 'publishedAt'>): number {
    let n = this.byId.get(a.id);
    if (n === undefined) {
      n = this.list.length + 1;
      this.byId.set(a.id, n);
      this.list.push({ n, articleId: a.id, title: a.title, outlet: a.outlet, url: a.url, publishedAt: a.publishedAt });
    }
    return n;
  }
}

export function composeAnswer(sentences: { text: string; cite: number }[], citations: Citation[]): Answer {
  return { found: true, text: sentences.map((s) => `${s.text} [${s.cite}]`).join(' '), sentences, citations };
}

export function notFound(text: string): Answer {
  return { found: false, text, sentences: [], citations: [] };
}

