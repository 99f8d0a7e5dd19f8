// A fictional news outlet on loopback for the full-text tests and the bench: a teaser RSS feed,
// realistic article pages wrapped in clutter (navigation, cookie banner, share bar, related
// stories, newsletter box, photo caption), one paywalled page and one robots-disallowed path.
// Counts requests per path and the most requests it ever had in flight at once.
import { startTestServer, type TestServer } from './http-server.ts';

export interface OutletStory {
  slug: string;
  title: string;
  teaser: string;
  /** Body paragraphs of the full page (the quote only the page holds goes here). */
  body: string[];
  date: string;
}

export const PAYWALL_TEXT = 'Subscribe to continue reading. Already a subscriber? Sign in to keep reading this story.';

export const STORIES: OutletStory[] = [
  {
    slug: 'news/ferry-crews-walk-out',
    title: 'Ferry crews walk out over night rosters',
    teaser: 'Crews on the Tidewater ferries stopped work on Monday…',
    body: [
      'Crews on the Tidewater ferries stopped work on Monday morning after talks on night rosters broke down, leaving commuters on both banks without a crossing.',
      '"We cannot run boats safely on four hours of sleep," said Ilse Brandvold, who leads the crews\u2019 union, outside the terminal at Marrow Quay.',
      'The operator said it had offered an extra rest day every fortnight and called the walkout premature. Talks are due to resume on Thursday under an independent chair.',
      'Traders on the east bank said takings had already fallen by a third, and the council asked the operator to lay on buses until the dispute ends.',
    ],
    date: 'Mon, 02 Jun 2025 07:30:00 GMT',
  },
  {
    slug: 'news/lighthouse-fund-reaches-target',
    title: 'Lighthouse restoration fund reaches its target',
    teaser: 'The appeal to restore Skerry Point light closed early. Read more',
    body: [
      'The public appeal to restore the Skerry Point lighthouse closed three weeks early after reaching its target of 240,000 crowns.',
      'More than four thousand people gave to the fund, most of them in sums under fifty crowns, the trust said on Tuesday.',
      '"This light belongs to everyone who ever came home by it," said Oskar Lindqvist, the trust\u2019s chair, as the total was announced.',
      'Work on the lantern room will start in September and the light should shine again by the spring.',
    ],
    date: 'Tue, 03 Jun 2025 09:00:00 GMT',
  },
];

export const PAYWALLED: OutletStory = {
  slug: 'premium/dock-deal-details',
  title: 'What the dock deal means for rents',
  teaser: 'A closer look at the harbour dock agreement.',
  body: ['The harbour dock agreement signed last week sets out a new rent formula for the quay warehouses.'],
  date: 'Wed, 04 Jun 2025 10:00:00 GMT',
};

export const DISALLOWED: OutletStory = {
  slug: 'members/council-notes',
  title: 'Council notes for members',
  teaser: 'Notes from the harbour council meeting.',
  body: ['These notes are for members only and not for crawlers.'],
  date: 'Thu, 05 Jun 2025 11:00:00 GMT',
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function teaserFeed(base: string, stories: OutletStory[], title = 'The Tidewater Ledger'): string {
  const items = stories
    .map((s) => `<item><title>${escape(s.title)}</title><link>${base}/${s.slug}?utm_source=rss</link><guid isPermaLink="false">tl-${s.slug}</guid><pubDate>${s.date}</pubDate><description>${escape(s.teaser)}</description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>${base}/</link><description>News from the Tidewater</description>\n${items}\n</channel></rss>`;
}

export function articlePage(base: string, s: OutletStory, o: { paywalled?: boolean } = {}): string {
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: s.title, datePublished: new Date(s.date).toISOString(), author: { '@type': 'Person', name: 'Greta Holm' }, ...(o.paywalled ? { isAccessibleForFree: false, hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywalled' } } : {}) };
  const body = o.paywalled
    ? `<p>${escape(s.body[0]!)}</p><div class="paywall-box"><p>${PAYWALL_TEXT}</p><a href="/subscribe">Subscribe now</a></div>`
    : s.body.map((p) => `<p>${escape(p)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(s.title)} | The Tidewater Ledger</title>
<link rel="canonical" href="${base}/${s.slug}"><meta property="og:url" content="${base}/${s.slug}"><meta property="og:site_name" content="The Tidewater Ledger">
<script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. Accept all cookies or manage your preferences.</p><button>Accept</button></div>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<main><article><h1>${escape(s.title)}</h1><p class="byline">By Greta Holm</p><time datetime="${new Date(s.date).toISOString()}">${s.date}</time>
<div class="share-bar"><a href="#">Share on social media</a> <a href="#">Email this story</a></div>
<figure><img src="/img/${s.slug}.jpg" alt=""><figcaption>The quay at dawn. Photo: Tidewater Ledger archive</figcaption></figure>
${body}
<aside class="newsletter-signup"><h3>Get the Ledger every morning</h3><p>Sign up for our free newsletter.</p></aside>
</article>
<section class="related-stories"><h2>Related stories</h2><ul><li><a href="/news/a">Ferry timetable changes</a></li><li><a href="/news/b">Quay market reopens</a></li></ul></section></main>
<footer><p>\u00a9 2025 The Tidewater Ledger. All rights reserved.</p></footer></body></html>`;
}

export interface Outlet {
  server: TestServer;
  url: string;
  feedUrl: string;
  /** Requests per path (query ignored). */
  hits(path: string): number;
  /** Most requests in flight at once, over everything served. */
  peakInFlight(): number;
  close(): Promise<void>;
}

/** Serves the outlet; each page answers after `delayMs` so concurrent requests overlap. */
export async function startOutlet(o: { delayMs?: number } = {}): Promise<Outlet> {
  const server = await startTestServer();
  const base = server.url;
  let inFlight = 0;
  let peak = 0;
  const slow = (body: string, type: string) => async (_req: unknown, res: import('node:http').ServerResponse) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((r) => setTimeout(r, o.delayMs ?? 30));
    inFlight--;
    res.writeHead(200, { 'content-type': type }).end(body);
  };
  server.serve('/robots.txt', 'User-agent: *\nDisallow: /members/\n\nUser-agent: newsbot\nDisallow: /members/\nAllow: /\n', { 'content-type': 'text/plain' });
  server.serve('/feed.xml', teaserFeed(base, [...STORIES, PAYWALLED, DISALLOWED]), { 'content-type': 'application/rss+xml' });
  for (const s of STORIES) server.route(`/${s.slug}`, slow(articlePage(base, s), 'text/html; charset=utf-8'));
  server.route(`/${PAYWALLED.slug}`, slow(articlePage(base, PAYWALLED, { paywalled: true }), 'text/html; charset=utf-8'));
  server.route(`/${DISALLOWED.slug}`, slow(articlePage(base, DISALLOWED), 'text/html; charset=utf-8'));
  return {
    server,
    url: base,
    feedUrl: `${base}/feed.xml`,
    hits: (path) => server.requests.filter((r) => r.path.split('?')[0] === path).length,
    peakInFlight: () => peak,
    close: () => server.close(),
  };
}
