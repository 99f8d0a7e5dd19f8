import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../src/nlp/answer-question.ts';
import { hasAnswerType, polarity } from '../../src/nlp/answer-types-check.ts';
import { broaderNarrower, irregularForms, isPhrase, relatedWords } from '../../src/nlp/answer-wordnet.ts';
import { stem } from '../../src/nlp/stem.ts';
import { withPersons } from '../../src/nlp/answer-pronouns.ts';

describe('question analysis', () => {
  it.each([
    ['How many ferries were pulled from service?', 'number'],
    ['What did the tickets cost in the end?', 'other'],
    ['When did the divers reach the wreck?', 'when'],
    ['Where were the survivors taken?', 'where'],
    ['Where does the money for the bridge come from?', 'other'],
    ['Why did the mill close?', 'why'],
    ['What led to the blackout?', 'why'],
    ['Who runs the harbour board?', 'who'],
    ['Who warned that the dam could fail?', 'who-said'],
    ['Who called the plan "a fairy tale"?', 'who-said'],
    ['Did the council approve the budget?', 'yesno'],
    ['Which bridge reopened first?', 'other'],
  ])('%s is a %s question', (q, kind) => {
    expect(analyseQuestion(q).kind).toBe(kind);
  });

  it('keeps names and quoted words, and drops question framing', () => {
    const q = analyseQuestion('Why did Ilse Marten call the vote "a mistake"?');
    expect(q.names).toEqual(['Ilse Marten']);
    expect(q.quoted).toBe('a mistake');
    expect(q.terms.map((t) => t.stem)).toEqual(expect.arrayContaining(['ils', 'marten', 'vote', 'mistak']));
    expect(q.terms.find((t) => t.stem === 'marten')?.name).toBe(true);
  });

  it('reads a phrasal verb as one word with its WordNet synonyms', () => {
    const q = analyseQuestion('Why did the nurses walk out?');
    const walk = q.terms.find((t) => t.stem === 'walk');
    expect(walk?.related).toContain('strike');
    expect(q.terms.some((t) => t.stem === 'out')).toBe(false);
  });

  it('asks for the first figure only when the question says so', () => {
    expect(analyseQuestion('How many homes flooded at first?').time).toBe('first');
    expect(analyseQuestion('How many homes flooded?').time).toBe('latest');
  });
});

describe('WordNet related words', () => {
  it('finds synonyms through inflected forms', () => {
    expect(relatedWords('quit')).toContain('resign');
    expect(relatedWords('resigned')).toContain('quit');
    expect(relatedWords('whole')).toContain('total');
  });

  it('knows phrasal verbs and gives nothing for words it does not list', () => {
    expect(isPhrase('walk', 'out')).toBe(true);
    expect(isPhrase('the', 'out')).toBe(false);
    expect(relatedWords('zzyzxq')).toEqual([]);
  });
});

describe('WordNet derived, broader and narrower words', () => {
  it('follows derivational links from a verb to the nouns it names', () => {
    expect(relatedWords('bussing')).toContain('coach');
    expect(relatedWords('evacuate')).toContain('evacuation');
  });

  it('gives the kinds of a thing and what it is a kind of, but not for unknown words', () => {
    expect(broaderNarrower('travellers')).toContain('passenger');
    expect(broaderNarrower('passenger')).toContain('traveler');
    expect(broaderNarrower('Skyvale')).toEqual([]);
  });

  it('lists irregular inflections of a word’s base form', () => {
    expect(irregularForms('winning')).toContain('won');
    expect(irregularForms('flights')).toEqual([]);
  });

  it('counts an irregular form as the word itself and leaves broader words out for general words', () => {
    const q = analyseQuestion('Which film is winning the most prizes?');
    expect(q.terms.find((t) => t.word === 'winning')?.same).toContain(stem('won'));
    const general = analyseQuestion('When did the crews work?').terms.find((t) => t.word === 'work');
    expect(general?.broader).toEqual([]);
  });
});

describe('yes/no questions', () => {
  it.each([
    ['Did the mayor of Ostvik resign over the fares?', 'resign'],
    ['Has the ferry company been fined?', 'fined'],
    ['Is the harbour bridge open again?', 'open'],
    ['Will part of the quay be closed?', 'closed'],
  ])('%s asks about "%s"', (q, word) => {
    expect(analyseQuestion(q).predicate?.word).toBe(word);
  });

  it('reads yes or no from a negation shortly before the predicate', () => {
    const fined = analyseQuestion('Has the ferry company been fined?').predicate!;
    expect(polarity('The regulator said the ferry company would not be fined this year.', fined)).toBe('no');
    expect(polarity('The ferry company was fined 2 million crowns on Monday.', fined)).toBe('yes');
    const resign = analyseQuestion('Did the mayor resign?').predicate!;
    expect(polarity('The mayor refused to resign and said she would fight on.', resign)).toBe('no');
    expect(polarity('No deputy spoke before the mayor resigned on Friday evening after the long debate.', resign)).toBe('yes');
  });
});

describe('answer-type checks', () => {
  it('wants the unit of the measure asked for', () => {
    const fast = analyseQuestion('How fast may lorries drive over the bridge?');
    expect(fast.measure).toBe('speed');
    expect(hasAnswerType('number', 'A limit of 40 km/h applies on the bridge.', fast)).toBe(true);
    expect(hasAnswerType('number', 'The bridge reopened four days early.', fast)).toBe(false);
    const long = analyseQuestion('How long did the bridge stay shut?');
    expect(long.measure).toBe('duration');
    expect(hasAnswerType('number', 'It was shut for six weeks.', long)).toBe(true);
    expect(hasAnswerType('number', 'It cost 4 million crowns.', long)).toBe(false);
    expect(analyseQuestion('How many lorries use the bridge?').measure).toBeNull();
  });

  const q = (s: string) => analyseQuestion(s);
  it('wants a figure for how many, not a year or a date', () => {
    expect(hasAnswerType('number', 'About 1,300 dockers joined the stoppage.', q('How many dockers struck?'))).toBe(true);
    expect(hasAnswerType('number', 'The dockers last struck in 2019.', q('How many dockers struck?'))).toBe(false);
    expect(hasAnswerType('number', 'The strike began on 3 March.', q('How many dockers struck?'))).toBe(false);
  });
  it('wants a time for when, a place for where, a cause for why, a name for who', () => {
    expect(hasAnswerType('when', 'The pier reopened on Friday.', q('When did the pier reopen?'))).toBe(true);
    expect(hasAnswerType('when', 'A successor will be named in due course.', q('When will a successor be named?'))).toBe(false);
    expect(hasAnswerType('where', 'The talks were held at a hotel near the port.', q('Where were the talks?'))).toBe(true);
    expect(hasAnswerType('where', 'The talks went on all night.', q('Where were the talks?'))).toBe(false);
    expect(hasAnswerType('why', 'The mill closed because orders had dried up.', q('Why did the mill close?'))).toBe(true);
    expect(hasAnswerType('why', 'That is the mill that closed.', q('Why did the mill close?'))).toBe(false);
    expect(hasAnswerType('who', 'The board is led by Orla Voss.', q('Who leads the board?'), ['Orla Voss', 'Voss'])).toBe(true);
    expect(hasAnswerType('who', 'The board met in Tessby.', q('Who leads the board?'), ['Orla Voss', 'Voss'])).toBe(false);
  });
  it('wants a sentence about what will happen for a question about the future', () => {
    const q2 = q('Who will be the next finance minister?');
    expect(hasAnswerType('who', 'Finance Minister Orla Voss resigned on Tuesday.', q2, ['Orla Voss'])).toBe(false);
    expect(hasAnswerType('who', 'Orla Voss is expected to be named finance minister.', q2, ['Orla Voss'])).toBe(true);
  });
  it('does not take the day a report was made for the time of the event', () => {
    expect(hasAnswerType('when', 'The pier will reopen, the council said on Friday.', q('When will the pier reopen?'))).toBe(false);
  });
});

describe('pronouns in answers', () => {
  it('replaces an opening pronoun with the person the article named before it', () => {
    const text = 'Mayor Orla Voss visited the pier on Monday.\n\nShe promised 2 million crowns for repairs.';
    const at = text.indexOf('She');
    expect(withPersons('She promised 2 million crowns for repairs.', text, at, 't1')).toBe('Orla Voss promised 2 million crowns for repairs.');
  });
  it('leaves a sentence alone when nobody can be found for its pronoun', () => {
    expect(withPersons('He left early.', 'He left early.', 0, 't2')).toBe('He left early.');
  });
});
