import { describe, expect, it } from 'vitest';
import { slackToPlain, stripMentions } from '../../../src/adapters/slack/payloads.ts';

describe('Slack text from the wire', () => {
  it('turns formatted links back into the URL the user typed', () => {
    expect(slackToPlain('add <https://courier.example/feed.xml>')).toBe('add https://courier.example/feed.xml');
    expect(slackToPlain('add <https://courier.example/a?x=1&amp;y=2|courier.example/a>')).toBe('add https://courier.example/a?x=1&amp;y=2'.replace('&amp;', '&'));
  });

  it('decodes the three entities Slack escapes', () => {
    expect(slackToPlain('A &amp; B &lt;3 &gt; C')).toBe('A & B <3 > C');
  });

  it('removes mentions from a follow-up question', () => {
    expect(stripMentions('<@UBOT> what did <@U123|mara> say about <!channel> fares?')).toBe('what did mara say about fares?');
  });
});
