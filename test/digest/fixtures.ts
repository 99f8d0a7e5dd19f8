// Original fixture articles (fictional places, people and outlets) for cluster, digest and answer tests.
import { createHash } from 'node:crypto';
import type { Article, Quote } from '../../src/domain/types.ts';

export const NOW = new Date('2031-05-20T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);

function article(id: string, outlet: string, title: string, text: string, ageHours: number): Article {
  return {
    id,
    url: `https://${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}.example/${id}`,
    guid: null,
    sourceId: null,
    outlet,
    title,
    byline: null,
    publishedAt: hoursAgo(ageHours),
    fetchedAt: hoursAgo(ageHours),
    text,
    contentHash: createHash('sha256').update(title + text).digest('hex'),
  };
}

/** One event (a fire at the Lorrick chemical plant) reported by three outlets. */
export const FIRE = [
  article(
    'fire-1',
    'Harbour Courier',
    'Fire tears through Lorrick chemical plant, 40 workers evacuated',
    'A fire broke out at the Brannock Chemicals plant in Lorrick early on Tuesday, forcing the evacuation of 40 workers. Fire chief Odile Farrant said crews brought the blaze under control by mid-morning.\n\n“The tanks held, and that is why nobody was hurt,” Farrant said.\n\nResidents of eastern Lorrick were told to keep windows shut while air quality was tested.',
    5,
  ),
  article(
    'fire-2',
    'Valley Post',
    'Blaze at Brannock Chemicals site in Lorrick forces evacuation',
    'Forty workers were evacuated when fire engulfed a storage hall at the Brannock Chemicals site in Lorrick on Tuesday morning. Odile Farrant, the Lorrick fire chief, said no one was injured.\n\nThe company said production would stop for at least a week while the cause is investigated.',
    4,
  ),
  article(
    'fire-3',
    'Northgate Ledger',
    'Lorrick residents told to close windows after chemical plant fire',
    'People living near the Brannock Chemicals plant in Lorrick were told to keep windows closed after a fire at the site on Tuesday. The blaze, which led to 40 workers being evacuated, was put out by mid-morning, fire chief Odile Farrant said.\n\nAir samples taken around the plant showed no dangerous levels, the regional health office said.',
    3,
  ),
];

/** A different event that shares words with FIRE (chemical plant, fire) but not its names. */
export const DRILL = article(
  'drill-1',
  'Valley Post',
  'Varnby chemical plant to hold fire drill next month',
  'The Osterlund Polymers chemical plant in Varnby will hold a full-scale fire drill in June, the town council announced. Mayor Pelle Gunnarsen said sirens would sound for ten minutes and residents need not take any action.\n\n“It is a routine exercise,” Gunnarsen said.',
  6,
);

/** Unrelated story on another topic. */
export const FERRY = article(
  'ferry-1',
  'Harbour Courier',
  'Eastmere ferry fares to rise in June',
  'Ferry fares between Eastmere and the Holm islands will rise to 4.50 crowns on 1 June, the harbour council said. Councillor Mara Lindqvist said the increase would keep the boats running.\n\n“We have no other way to keep the boats running,” Lindqvist said.',
  8,
);

/** A later development of the fire story. */
export const FIRE_UPDATE = article(
  'fire-4',
  'Harbour Courier',
  'Lorrick chemical plant fire caused by faulty heater, Brannock says',
  'Brannock Chemicals said on Wednesday that a faulty heater caused the fire at its Lorrick plant. Fire chief Odile Farrant said investigators agreed with the company’s finding.\n\nThe plant is expected to reopen next week.',
  1,
);

export const QUOTES: { articleId: string; quotes: Quote[] }[] = [
  {
    articleId: 'fire-1',
    quotes: [
      {
        text: 'The tanks held, and that is why nobody was hurt,',
        speaker: 'Odile Farrant',
        speakerRole: 'fire chief',
        cue: 'said',
        kind: 'direct',
        start: FIRE[0]!.text.indexOf('The tanks held'),
        end: FIRE[0]!.text.indexOf('The tanks held') + 'The tanks held, and that is why nobody was hurt,'.length,
        confidence: 0.9,
      },
    ],
  },
  {
    articleId: 'ferry-1',
    quotes: [
      {
        text: 'We have no other way to keep the boats running,',
        speaker: 'Mara Lindqvist',
        speakerRole: 'councillor',
        cue: 'said',
        kind: 'direct',
        start: FERRY.text.indexOf('We have no'),
        end: FERRY.text.indexOf('We have no') + 'We have no other way to keep the boats running,'.length,
        confidence: 0.9,
      },
    ],
  },
];
