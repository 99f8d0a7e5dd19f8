// Original fixture articles for answer tests: a fictional tram project in the fictional town of
// Tessby, with a mayor, two ministers, a spokeswoman and a unnamed-role quote.
import { createHash } from 'node:crypto';
import type { Article } from '../../src/domain/types.ts';

export const ANSWER_NOW = new Date('2033-03-10T12:00:00Z');

function article(id: string, outlet: string, title: string, text: string, ageHours: number): Article {
  const at = new Date(ANSWER_NOW.getTime() - ageHours * 3600_000);
  return {
    id,
    url: `https://${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}.example/${id}`,
    guid: null,
    sourceId: null,
    outlet,
    title,
    byline: null,
    publishedAt: at,
    fetchedAt: at,
    text,
    contentHash: createHash('sha256').update(title + text).digest('hex'),
  };
}

export const TRAM = [
  article(
    'tram-1',
    'Tessby Gazette',
    'Tessby council approves harbour tram line',
    'TESSBY, Norland — The Tessby town council approved a new tram line on Monday after a two-year debate. Mayor Ingrid Solberg said construction would start in April.\n\n“This line will finally connect the harbour to the hospital,” Solberg said.\n\nTransport Minister Halvard Moen welcomed the vote.\n\n“The state will carry half of the bill for the tracks,” Moen said.\n\nSingle tickets will cost 3 crowns, the council said.',
    6,
  ),
  article(
    'tram-2',
    'Fjordline Times',
    'Finance minister says tram money is secure',
    'Norland’s finance minister, Petra Lund, said on Tuesday that the money for the Tessby tram was secure despite cuts elsewhere.\n\n“Nobody in Tessby should doubt that the money is there,” Lund said.\n\nA council spokeswoman said the first trams would carry passengers in 2035.\n\nJonas Berg, speaking after the transport minister at a fair in Ostvik, said the depot would be built first.\n\n“The depot comes before the rails,” Berg said.\n\nAbout 1,200 people signed a petition against the route last year.',
    4,
  ),
];
