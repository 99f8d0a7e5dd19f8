// Topic expansion for retrieval: the store already matches stem prefixes ("ukraine" finds
// "Ukrainian"); this adds a few well-known names that share no stem with the topic word.
const SYNONYMS: Record<string, string[]> = {
  ukraine: ['ukrainian', 'kyiv', 'kiev', 'zelensky', 'zelenskyy'],
  russia: ['russian', 'kremlin', 'moscow', 'putin'],
  china: ['chinese', 'beijing'],
  us: ['united states', 'washington', 'american'],
  usa: ['united states', 'washington', 'american'],
  uk: ['britain', 'british', 'london'],
  britain: ['uk', 'british'],
  eu: ['european union', 'brussels'],
  gaza: ['israel', 'hamas', 'palestinian'],
  israel: ['israeli', 'gaza'],
  climate: ['emissions', 'warming', 'cop'],
  ai: ['artificial intelligence', 'chatgpt', 'openai'],
  election: ['elections', 'vote', 'ballot', 'poll'],
};

/** Words of the topic plus known synonyms, lowercased and de-duplicated (at most 16). */
export function expandTopic(topic: string): string[] {
  const words = (topic.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  const out = new Set(words);
  for (const w of words) for (const s of SYNONYMS[w] ?? []) out.add(s);
  return [...out].slice(0, 16);
}

/** A search query string for ArticleStore.search (terms are ORed by the store). */
export function topicQuery(topic: string): string {
  // Multi-word synonyms are passed as phrases so they match together.
  return expandTopic(topic)
    .map((t) => (t.includes(' ') ? `"${t}"` : t))
    .join(' ');
}
