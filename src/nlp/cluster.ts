// Same-event clustering: groups articles that report the same event, across outlets.
// Similarity of two articles = TF-IDF cosine of title + lead (title words count double), plus a
// bonus for shared named entities (capitalised names and numbers), and only when they were
// published within `maxHoursApart`. Clusters are built by average-link agglomeration, so one
// loosely related article cannot chain two different events together; near-duplicates (cosine
// >= `duplicate`) always join. Deterministic for the same input order.
import { contentStems } from './stem.ts';

export interface ClusterDoc {
  id: string;
  title: string;
  text: string;
  publishedAt: Date;
}

export interface ClusterOptions {
  /** Average similarity needed to merge two clusters (default 0.3). */
  threshold?: number;
  /** Articles further apart in time never join (default 48 h). */
  maxHoursApart?: number;
  /** Cosine at which two articles are the same text republished (default 0.8). */
  duplicate?: number;
  /** Characters of body text used as the lead (default 600). */
  leadChars?: number;
}

/** Sparse unit vector (ids ascending) and entity ids (ascending) of one article. */
export interface Features {
  ids: Int32Array;
  weights: Float64Array;
  entities: Int32Array;
  at: number;
}

const ENTITY = /\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*|\b\d[\d,.]*\d\b|\b\d\b/gu;
const NOT_ENTITY = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'for', 'and', 'but', 'he', 'she', 'it', 'they', 'we', 'this', 'that', 'after', 'as', 'mr', 'mrs', 'ms']);

// Day and month names are shared by unrelated stories of one week and differ between reports of
// one event on consecutive days, so they say nothing about which event an article reports.
const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

/**
 * Named entities of a text: capitalised word runs that are not sentence-initial function words, and
 * numbers. A single capitalised word is a name only when the text also capitalises it inside a
 * sentence and never writes it in lower case; otherwise it is a sentence opener ("Early", "Every").
 */
export function entitiesOf(text: string): Set<string> {
  const out = new Set<string>();
  const lower = new Set(text.match(/(?<![\p{L}'’-])\p{Ll}[\p{L}'’-]*/gu) ?? []);
  // Single capitalised words seen inside a sentence: names, as opposed to sentence openers.
  const inside = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;] )\p{Lu}[\p{L}'’-]+/gu)) inside.add(m[0].toLowerCase());
  for (const m of text.matchAll(ENTITY)) {
    const words = m[0].split(/\s+/).filter((w) => !NOT_ENTITY.has(w.toLowerCase()) && !CALENDAR.has(w.toLowerCase()));
    if (words.length === 0) continue;
    const e = words.join(' ').toLowerCase().replace(/['’]s$/, '');
    // Single short capitalised words are mostly sentence starts; keep names and numbers.
    if (words.length === 1 && !/\d/.test(e) && (e.length < 4 || lower.has(e) || !inside.has(e))) continue;
    out.add(e);
  }
  return out;
}

function leadOf(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const cut = text.lastIndexOf(' ', chars);
  return text.slice(0, cut > chars / 2 ? cut : chars);
}

/** TF-IDF cosine of two articles' title + lead (vectors are unit length: a merge-join dot product). */
export function cosine(a: Features, b: Features): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      k++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return k;
}

/** Same-event similarity in [0, 1.3]: cosine plus a shared-entity bonus; 0 outside the time window. */
export function similarity(a: Features, b: Features, maxMs: number, cos = cosine(a, b)): number {
  if (Math.abs(a.at - b.at) > maxMs) return 0;
  const minEnt = Math.min(a.entities.length, b.entities.length);
  const entityBonus = minEnt > 0 ? 0.3 * Math.min(1, sharedCount(a.entities, b.entities) / Math.min(minEnt, 4)) : 0;
  return cos + entityBonus;
}

// Document frequencies from a small set are noise: two reports of one event share exactly the words
// that matter, and plain IDF marks those as common. This many pseudo-documents that hold none of the
// words keep weights near uniform for a handful of articles and barely move them for a hundred.
const BACKGROUND_DOCS = 20;

export function clusterFeatures(docs: ClusterDoc[], leadChars = 600): Features[] {
  const bags = docs.map((d) => {
    const bag = new Map<string, number>();
    for (const w of contentStems(d.title)) bag.set(w, (bag.get(w) ?? 0) + 2);
    for (const w of contentStems(leadOf(d.text, leadChars))) bag.set(w, (bag.get(w) ?? 0) + 1);
    return bag;
  });
  const df = new Map<string, number>();
  for (const b of bags) for (const w of b.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const idOf = new Map<string, number>();
  const id = (k: string) => {
    let v = idOf.get(k);
    if (v === undefined) idOf.set(k, (v = idOf.size));
    return v;
  };
  const n = docs.length;
  return docs.map((d, i) => {
    const entries: [number, number][] = [];
    let sq = 0;
    for (const [w, tf] of bags[i]!) {
      const x = (1 + Math.log(tf)) * (Math.log((n + BACKGROUND_DOCS) / (df.get(w)! + 1)) + 1);
      entries.push([id(w), x]);
      sq += x * x;
    }
    entries.sort((p, q) => p[0] - q[0]);
    const norm = Math.sqrt(sq) || 1;
    const ents = [...entitiesOf(`${d.title}. ${leadOf(d.text, leadChars)}`)].map((e) => id(`\u0000${e}`)).sort((p, q) => p - q);
    return {
      ids: Int32Array.from(entries, (e) => e[0]),
      weights: Float64Array.from(entries, (e) => e[1] / norm),
      entities: Int32Array.from(ents),
      at: d.publishedAt.getTime(),
    };
  });
}

/**
 * Groups docs into same-event clusters. Returns clusters of the input docs (each doc exactly once),
 * each cluster in input order, clusters ordered by their first member's input position.
 */
export function clusterArticles<T extends ClusterDoc>(docs: T[], opts: ClusterOptions = {}): T[][] {
  const maxMs = (opts.maxHoursApart ?? 48) * 3600_000;
  if (docs.length === 0) return [];
  const f = clusterFeatures(docs, opts.leadChars ?? 600);
  const { sim, dupOf } = pairSimilarities(f, maxMs, opts.duplicate ?? 0.8);
  const clusters = duplicateGroups(dupOf);
  const live = agglomerate(clusters, linkTotals(clusters, f, sim, maxMs), opts.threshold ?? 0.3);
  return live.filter((c): c is number[] => c !== null).map((c) => c.map((i) => docs[i]!));
}

/** Pairwise similarity (n x n) and, for each doc, the earliest doc it near-duplicates (or -1). */
function pairSimilarities(f: Features[], maxMs: number, dup: number): { sim: Float32Array; dupOf: Int32Array } {
  const n = f.length;
  const sim = new Float32Array(n * n);
  const dupOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const cos = cosine(f[i]!, f[j]!);
      const s = similarity(f[i]!, f[j]!, maxMs, cos);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
      if (cos >= dup && dupOf[j]! < 0) dupOf[j] = dupOf[i]! >= 0 ? dupOf[i]! : i;
    }
  }
  return { sim, dupOf };
}

/** Union near-duplicates first: they are one story whatever their neighbours say. */
function duplicateGroups(dupOf: Int32Array): number[][] {
  const clusters: number[][] = [];
  const owner = new Int32Array(dupOf.length).fill(-1);
  for (let i = 0; i < dupOf.length; i++) {
    const root = dupOf[i]!;
    if (root >= 0 && owner[root]! >= 0) {
      owner[i] = owner[root]!;
      clusters[owner[i]!]!.push(i);
    } else {
      owner[i] = clusters.length;
      clusters.push([i]);
    }
  }
  return clusters;
}

/**
 * For every pair of clusters (m x m): `sum`, the total similarity between their members, and
 * `blocked`, whether any pair of their members is outside the time window.
 */
function linkTotals(clusters: number[][], f: Features[], sim: Float32Array, maxMs: number): { sum: Float64Array; blocked: Uint8Array } {
  const n = f.length;
  const m = clusters.length;
  const sum = new Float64Array(m * m);
  const blocked = new Uint8Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      let total = 0;
      let far = 0;
      for (const i of clusters[a]!) {
        for (const j of clusters[b]!) {
          total += sim[i * n + j]!;
          if (Math.abs(f[i]!.at - f[j]!.at) > maxMs) far = 1;
        }
      }
      sum[a * m + b] = sum[b * m + a] = total;
      blocked[a * m + b] = blocked[b * m + a] = far;
    }
  }
  return { sum, blocked };
}

/**
 * Average-link agglomeration. `sum` and `blocked` are updated in place on a merge, so each round is
 * one scan over the live pairs. Merged-away clusters are left as null.
 */
function agglomerate(clusters: number[][], links: { sum: Float64Array; blocked: Uint8Array }, threshold: number): (number[] | null)[] {
  const { sum, blocked } = links;
  const m = clusters.length;
  const live: (number[] | null)[] = clusters.map((c) => c);
  for (;;) {
    const [bi, bj] = bestPair(live, links, threshold);
    if (bi < 0) break;
    live[bi] = [...live[bi]!, ...live[bj]!].sort((x, y) => x - y);
    live[bj] = null;
    for (let k = 0; k < m; k++) {
      if (k === bi || !live[k]) continue;
      sum[bi * m + k] = sum[k * m + bi] = sum[bi * m + k]! + sum[bj * m + k]!;
      blocked[bi * m + k] = blocked[k * m + bi] = blocked[bi * m + k]! | blocked[bj * m + k]!;
    }
  }
  return live;
}

/** The live, unblocked pair with the highest average link above `threshold`, or [-1, -1]. */
function bestPair(live: (number[] | null)[], links: { sum: Float64Array; blocked: Uint8Array }, threshold: number): [number, number] {
  const m = live.length;
  let best = threshold;
  let bi = -1;
  let bj = -1;
  for (let a = 0; a < m; a++) {
    const ca = live[a];
    if (!ca) continue;
    for (let b = a + 1; b < m; b++) {
      const cb = live[b];
      if (!cb || links.blocked[a * m + b]) continue;
      const avg = links.sum[a * m + b]! / (ca.length * cb.length);
      if (avg > best) {
        best = avg;
        bi = a;
        bj = b;
      }
    }
  }
  return [bi, bj];
}

/**
 * How central each member is to its story: its mean similarity to the other members (time apart
 * ignored; they are one story already). `members` are indices into `features`; a lone member scores 0.
 * The article that reports the event shares the most with every follow-up and reaction piece, while
 * a reaction piece shares little with the others.
 */
export function centrality(features: Features[], members: number[]): number[] {
  if (members.length < 2) return members.map(() => 0);
  return members.map((i) => {
    let total = 0;
    for (const j of members) if (j !== i) total += similarity(features[i]!, features[j]!, Infinity);
    return total / (members.length - 1);
  });
}
