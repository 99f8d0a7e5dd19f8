import { describe, expect, it } from 'vitest';
import { sameSpeaker, speakerKey } from '../../src/nlp/speaker-key.ts';

describe('speakerKey', () => {
  it('normalises case, accents, punctuation, honorifics and a leading "the"', () => {
    expect(speakerKey('Ines Várò')).toBe('ines varo');
    expect(speakerKey('Mr. Tomas  Kessler')).toBe('tomas kessler');
    expect(speakerKey('the Ministry of Tides')).toBe('ministry of tides');
  });
});

describe('sameSpeaker', () => {
  it('merges spellings of one person: full name, surname, initial', () => {
    expect(sameSpeaker('Ines Varo', 'Varo')).toBe(true);
    expect(sameSpeaker('Ines Varo', 'I. Varo')).toBe(true);
    expect(sameSpeaker('Ms Ines Varo', 'ines varo')).toBe(true);
  });

  it('keeps apart people who share a surname but not a first name', () => {
    expect(sameSpeaker('Ines Varo', 'Marco Varo')).toBe(false);
    expect(sameSpeaker('Ines Varo', 'M. Varo')).toBe(false);
  });

  it('never merges different surnames or empty names', () => {
    expect(sameSpeaker('Ines Varo', 'Ines Kessler')).toBe(false);
    expect(sameSpeaker('', 'Varo')).toBe(false);
  });
});
