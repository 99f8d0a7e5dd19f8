import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/domain/types.ts';
import { extractQuotes, speakersOf } from '../../src/nlp/quotes.ts';

const fixture = readFileSync(new URL('../fixtures/quotes/harbour-talks.txt', import.meta.url), 'utf8');
const title = fixture.split('\n', 1)[0]!;
const harbour = extractQuotes(fixture, { title });
const find = (qs: Quote[], words: string): Quote => {
  const q = qs.find((x) => x.text.includes(words));
  if (!q) throw new Error(`no quote containing "${words}" in ${JSON.stringify(qs.map((x) => x.text))}`);
  return q;
};
const run = (text: string): Quote[] => extractQuotes(text);

describe('extractQuotes: quotation marks', () => {
  it('reports every quote verbatim with offsets into the article text', () => {
    expect(harbour.length).toBeGreaterThan(10);
    for (const q of harbour) expect(fixture.slice(q.start, q.end)).toBe(q.text);
  });

  it('reads curly, straight, guillemet and low-high marks alike', () => {
    const qs = run('“Curly words here,” said Ana Reis. "Straight words here," said Ben Okoro. «Guillemet words here», said Cleo Marsh. „Low high words here“, said Dan Vukovic.');
    expect(qs.map((q) => [q.text.replace(/[,]$/, ''), q.speaker])).toEqual([
      ['Curly words here', 'Ana Reis'],
      ['Straight words here', 'Ben Okoro'],
      ['Guillemet words here', 'Cleo Marsh'],
      ['Low high words here', 'Dan Vukovic'],
    ]);
  });

  it('keeps apostrophes inside quotes and inside words from opening or closing a quote', () => {
    const qs = run('The leaders’ summit failed. “Valdoria’s navy won’t wait for us,” said Rui Sato, who doesn\'t expect a deal.');
    expect(qs).toHaveLength(1);
    expect(qs[0]!.text).toBe('Valdoria’s navy won’t wait for us,');
    expect(qs[0]!.speaker).toBe('Rui Sato');
  });

  it('keeps a quote that runs over several sentences whole', () => {
    const q = find(harbour, 'We came here in good faith');
    expect(q.text).toBe('We came here in good faith. We are leaving with nothing,');
  });

  it('follows a quote into the next paragraph when the paragraph reopens with a mark', () => {
    const first = find(harbour, 'once they go to Brennholm');
    const next = find(harbour, 'nobody wants to say out loud');
    expect(first.text.endsWith('do not come back.')).toBe(true);
    expect(next.speaker).toBe('Ines Varo');
  });

  it('skips a stray mark and still finds the quotes after it', () => {
    const qs = run('The ” sign was painted wrong. Then “the dock is closed,” said Lena Brandt, and the crowd left.');
    expect(qs.map((q) => q.text)).toEqual(['the dock is closed,']);
    expect(run('A lone “ mark with nothing after it')).toEqual([]);
  });

  it('does not report single-quoted phrases from the headline', () => {
    expect(harbour.some((q) => q.start < title.length)).toBe(false);
    expect(find(harbour, 'an insult to every family').start).toBeGreaterThan(title.length);
  });
});

describe('extractQuotes: kinds', () => {
  it('tells direct quotes from partial quotes', () => {
    expect(find(harbour, 'We came here in good faith').kind).toBe('direct');
    expect(find(harbour, 'open to a fair settlement').kind).toBe('partial');
    expect(find(harbour, 'dead end').kind).toBe('partial');
  });

  it('leaves out scare quotes, titles of works and nicknames', () => {
    const qs = run('She hosted the “Morning Tide” show on Harbour FM. The so-called “smart buoy” project stalled. Councillor Hanna “Bo” Moreau was absent.');
    expect(qs).toEqual([]);
  });
});

describe('extractQuotes: speakers and cues', () => {
  it('finds cues after and before the quote, in any tense', () => {
    expect(find(harbour, 'Talks like these').cue).toBe('said');
    const q = run('Edgar Petrov warned on Monday that the levee was “close to failing.”')[0]!;
    expect([q.speaker, q.cue]).toEqual(['Edgar Petrov', 'warned']);
    const r = run('The storm is “a once-in-a-century event,” according to Marta Okafor, a forecaster.')[0]!;
    expect([r.speaker, r.cue]).toEqual(['Marta Okafor', 'according to']);
  });

  it('handles the inverted order “…,” said Name', () => {
    const q = find(harbour, 'Talks like these');
    expect(q.speaker).toBe('Oskar Lindqvist');
  });

  it('splits a title or role in front of the name from the name', () => {
    const q = find(harbour, 'an insult to every family');
    expect(q.speaker).toBe('Ines Varo');
    expect(q.speakerRole).toBe('Harbour minister');
  });

  it('reads appositions between the name and the cue', () => {
    const q = run('“We have no quarrel with the fishermen,” Pavel Adeyemi, Valdoria’s deputy trade minister, said.')[0]!;
    expect(q.speaker).toBe('Pavel Adeyemi');
    expect(q.speakerRole).toBe('Valdoria’s deputy trade minister');
  });

  it('resolves a pronoun to the right earlier person', () => {
    expect(find(harbour, 'The minister knows our numbers').speaker).toBe('Tomas Kessler');
    const qs = run('Mr Bram Halloran met Ms Noor Sato at the quay. “We are ready,” she told reporters.');
    expect(qs[0]!.speaker).toBe('Noor Sato');
  });

  it('carries the previous sentence’s subject to a pronoun, past a name in a side clause', () => {
    const qs = run(
      'Centre-back Joss Merriden scored the winner for Tarnby Athletic.\n\n' +
        'Merriden, who replaced Tobin Sollers at half-time, said he had barely seen the ball. “I closed my eyes,” he said.',
    );
    expect(qs.map((q) => q.speaker)).toEqual(['Joss Merriden']);
  });

  it('skips a relative clause between a role and its cue, never taking a place in it for the speaker', () => {
    const qs = run(
      'Deputy Trade Minister Pavla Strand spoke first. The deputy minister, who has visited Valdoria nine times, said she wanted “every crate counted twice”.',
    );
    expect(qs.map((q) => [q.speaker, q.speakerRole])).toEqual([['Pavla Strand', 'deputy minister']]);
  });

  it('reads a nationality before a noun as part of an unnamed source, not as the speaker', () => {
    const office = run('The Valdorian harbour office welcomed the pledge in a short statement, saying it would “keep the cranes turning”.');
    expect(office.map((q) => q.speaker)).toEqual(['the Valdorian harbour office']);
    const diplomat = run(
      'Pavla Strand spoke first. One Norlandic diplomat, speaking on condition of anonymity, described the talks as “slow, but alive” at best.',
    );
    // Someone new and unnamed: never the person named before.
    expect(diplomat.map((q) => q.speaker)).toEqual(['one Norlandic diplomat']);
  });

  it('does not take a plural noun such as “rates” for the cue', () => {
    const qs = run('Anton Vell, the deputy governor, voted for a cut. Vell said the risk of keeping rates high was “now greater than the risk of cutting”.');
    expect(qs.map((q) => [q.speaker, q.cue])).toEqual([['Anton Vell', 'said']]);
  });

  it('keeps a possessive plural in an unnamed source, and takes an authority for a source', () => {
    expect(run("The consumers' association said that banks were “remarkably slow” to cut.").map((q) => q.speaker)).toEqual(["the consumers' association"]);
    expect(run('The port authority said it expected "significant delays" until Monday.').map((q) => q.speaker)).toEqual(['the port authority']);
  });

  it('gives the role of an apposition without the clause after it', () => {
    const after = run('“We found three,” said Dr Keziah Ambler, the astronomer who led the study.')[0]!;
    const before = run('Keziah Ambler, the astronomer who led the study, said: “We found three.”')[0]!;
    expect([after.speakerRole, before.speakerRole]).toEqual(['astronomer', 'astronomer']);
  });

  it('never gives “he” or “she” to a club, even one named like a person', () => {
    const qs = run('Fans of Carrow Bay Rovers waited for hours. Then Rovers scored. “I could not watch,” he said.');
    expect(qs[0]!.speaker).toBeNull();
  });

  it('gives a cue-less quote to the previous speaker', () => {
    const q = find(harbour, 'Nobody should be surprised');
    expect(q.cue).toBeNull();
    expect(q.speaker).toBe('Ines Varo');
  });

  it('accepts organisations and places as speakers', () => {
    expect(find(harbour, 'open to a fair settlement').speaker).toBe('the Ministry of Tides');
    expect(find(harbour, 'dead end').speaker).toBe('Valdoria');
  });

  it('resolves every mention of a person to one canonical full name', () => {
    expect(find(harbour, 'We came here in good faith').speaker).toBe('Ines Varo'); // "Varo told"
    expect(find(harbour, 'Every day the cranes').speaker).toBe('Ines Varo'); // "Ms Varo … she said"
    expect(find(harbour, 'Not this week').speaker).toBe('Ines Varo'); // "the harbour minister"
    expect(find(harbour, 'the last chance').speaker).toBe('Tomas Kessler'); // "According to Kessler"
  });

  it('lists speakers with the aliases seen in the article', () => {
    const varo = speakersOf(harbour, fixture).find((s) => s.key === 'ines varo');
    expect(varo).toBeDefined();
    expect(varo!.name).toBe('Ines Varo');
    expect(varo!.aliases).toEqual(expect.arrayContaining(['Ines Varo', 'Varo']));
  });
});

describe('extractQuotes: sources', () => {
  it('reads "as X put it" and "according to X" at the end of a sentence', () => {
    const [a] = run('The plan is, as the Port Gazette put it in an editorial, “a harbour built on sand.”');
    expect([a!.speaker, a!.cue]).toEqual(['the Port Gazette', 'put']);
    const [b] = run('More than 300 divers joined a “slow swim” across the bay, according to the Alliance for Clean Harbours.');
    expect(b!.speaker).toBe('the Alliance for Clean Harbours');
  });

  it('keeps unnamed sources on their quotes but out of the speaker index', () => {
    const text = '“The harbour authority acted within its powers,” said the ruling.';
    const qs = run(text);
    expect(qs[0]!.speaker).toBe('the ruling');
    expect(speakersOf(qs, text)).toEqual([]);
  });
});

describe('extractQuotes: bad input', () => {
  it('returns no quotes for empty or non-text input instead of throwing', () => {
    expect(extractQuotes('')).toEqual([]);
    expect(extractQuotes(undefined as unknown as string)).toEqual([]);
    expect(extractQuotes('"""“”«»„‘’\'\'\n\n"')).toEqual([]);
  });
});
