// Canonical form of an article URL, used as a dedup key: the same article reached through two feeds
// (with different tracking parameters, case or fragment) gets the same string. Non-http(s) URLs
// (file:, urn:, tag:) are returned unchanged apart from trimming.

const TRACKING = [
  /^utm_/i, /^mc_(cid|eid)$/i, /^fbclid$/i, /^gclid$/i, /^dclid$/i, /^msclkid$/i, /^yclid$/i, /^igshid$/i,
  /^_ga$/i, /^_gl$/i, /^ref$/i, /^ref_src$/i, /^referrer$/i, /^source$/i, /^cmpid$/i, /^icid$/i,
  /^ocid$/i, /^ito$/i, /^s_cid$/i, /^share$/i, /^smid$/i, /^at_(medium|campaign|custom\d*)$/i,
  /^oly_(anon|enc)_id$/i, /^__twitter_impression$/i, /^rss$/i, /^feed$/i,
];

export function canonicalUrl(raw: string): string {
  const input = raw.trim();
  if (!URL.canParse(input)) return input;
  const u = new URL(input);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.href;
  // URL already lower-cases scheme and host and drops default ports.
  u.hash = '';
  u.username = '';
  u.password = '';
  const kept = [...u.searchParams].filter(([k]) => !TRACKING.some((re) => re.test(k)));
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  u.search = kept.length ? new URLSearchParams(kept).toString() : '';
  u.hostname = u.hostname.replace(/\.$/, '');
  // "/news/story/", "/news/story/index.html" and "/news/story" are the same article; the root stays "/".
  u.pathname = u.pathname.replace(/\/index\.html?$/i, '/');
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  return u.href;
}
