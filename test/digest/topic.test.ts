import { describe, expect, it } from 'vitest';
import { onTopic } from '../../src/digest/topic.ts';

const art = (title: string, text = '') => ({ title, text });

describe('onTopic', () => {
  it('accepts the topic word with an inflection, or a known synonym', () => {
    expect(onTopic('ukraine')(art('Ukrainian grid crews work through the night'))).toBe(true);
    expect(onTopic('ukraine')(art('Talks resume', 'Delegations met in Kyiv on Monday.'))).toBe(true);
    expect(onTopic('energy')(art('Winter energies', ''))).toBe(true);
    expect(onTopic('port')(art('Ports reopen after storm'))).toBe(true);
  });

  it('refuses a word that merely starts with the topic word', () => {
    expect(onTopic('strike')(art('Rovers win the cup', 'Their striker scored twice.'))).toBe(false);
    expect(onTopic('port')(art('Club thanks its supporters', 'A portion of the proceeds went to charity.'))).toBe(false);
    expect(onTopic('eu')(art('Europe week', 'Eurostar trains ran late.'))).toBe(false);
  });

  it('wants every word of a two-word topic and two words of a longer one', () => {
    const bank = onTopic('central bank');
    expect(bank(art('River bursts its banks'))).toBe(false);
    expect(bank(art('Central bank holds rates'))).toBe(true);
    const long = onTopic('port strike automation cranes');
    expect(long(art('Dockers strike at the port'))).toBe(true);
    expect(long(art('Dockers strike'))).toBe(false);
  });

  it('ignores stop words in the topic, and accepts anything for a topic with no words', () => {
    expect(onTopic('the strike')(art('Strike called off'))).toBe(true);
    expect(onTopic('  ')(art('Anything'))).toBe(true);
  });
});
