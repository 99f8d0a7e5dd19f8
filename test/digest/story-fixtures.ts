// Original fixtures (fictional outlets, people and places) for which article leads a story and
// whether reports of one event on consecutive days stay together.
import { createHash } from 'node:crypto';
import type { Article } from '../../src/domain/types.ts';
import { NOW } from './fixtures.ts';

function article(id: string, outlet: string, title: string, text: string, ageHours: number): Article {
  const at = new Date(NOW.getTime() - ageHours * 3600_000);
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

/** A rate decision: two reports of it, then a reaction piece that is newest and says "rates" most. */
export const RATES = [
  article(
    'rates-1',
    'Pellham Gazette',
    'Bank of Corrin holds interest rates at 2.75% as inflation slows',
    'The Bank of Corrin held its main interest rate at 2.75 per cent on Thursday, saying inflation had slowed to 2.1 per cent but that wage growth was still too strong for a cut. Governor Tobias Wrenfield said the decision was unanimous.\n\n“We are close, but we are not there yet,” Wrenfield said at a press conference in Corrin.\n\nMarkets had expected the hold. The bank said it would publish new forecasts in February.',
    20,
  ),
  article(
    'rates-2',
    'Corrin Evening Star',
    'Rates on hold at 2.75%: Wrenfield says cut not yet justified',
    'Interest rates will stay at 2.75 per cent, the Bank of Corrin said on Thursday, as Governor Tobias Wrenfield warned that wage growth could keep inflation above target. Inflation fell to 2.1 per cent last month.\n\nWrenfield said the bank would publish new forecasts in February and that markets should not expect a cut before spring.',
    18,
  ),
  article(
    'rates-3',
    'Lowmarsh Weekly',
    'Rates, rates, rates: a family budget after the decision',
    'For Ada and Piet Sorensen, the Bank of Corrin’s decision on Thursday to hold interest rates at 2.75 per cent came down to a line on a kitchen calendar. Their mortgage rates went up twice last year, and the couple had hoped rates would come down before the winter.\n\n“Every month we look at the rates and then at the heating bill,” Ada Sorensen said. The couple, both nurses, rent out a room to keep up with the payments on their house in Lowmarsh.\n\nA local adviser said many families had listened to Governor Tobias Wrenfield for any hint that rates would fall.',
    4,
  ),
];

/** One outbreak reported on two consecutive days, in different words. */
export const OUTBREAK = [
  article(
    'measles-1',
    'Pellham Gazette',
    'Measles outbreak at Brackwater schools: 14 children in hospital',
    'Fourteen children are in hospital after a measles outbreak at two primary schools in Brackwater, the regional health board said on Monday. Dr Ilona Castellane, the board’s director of public health, said most of the children had not been vaccinated.\n\nParents were asked to check their children’s vaccination records and to keep sick children at home.',
    30,
  ),
  article(
    'measles-2',
    'Corrin Evening Star',
    'Measles clinics open at schools as outbreak reaches 31 cases',
    'Vaccination clinics opened on Tuesday at the two primary schools at the centre of the measles outbreak, where cases have reached 31, the regional health board said. A board spokeswoman, Renata Oyelaran, said the clinics would stay open until every pupil had been offered a jab.\n\nFourteen pupils were still in hospital.',
    8,
  ),
];
