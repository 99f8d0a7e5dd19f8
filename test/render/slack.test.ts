import { describe, expect, it } from 'vitest';
import { bold, link, paragraph, text, type Block, type Doc } from '../../src/render/document.ts';
import { renderSlack } from '../../src/render/slack.ts';
import { expectWithinLimits, texts } from './slack-limits.ts';
import { escapeSlack, slackLink, slackUrl } from '../../src/render/slack-mrkdwn.ts';

const sentence = (n: number) => `The harbour council of Port Alder met for the ${n}th time to debate the ferry timetable. `;

function bigDigest(stories: number): Doc {
  const blocks: Block[] = [];
  for (let s = 0; s < stories; s++) {
    blocks.push({ type: 'heading', text: `Story ${s}: ferry fares rise again`, url: `https://courier.example/story/${s}` });
    blocks.push(paragraph(text(Array.from({ length: 12 }, (_, i) => sentence(i)).join(''))));
    blocks.push({ type: 'quote', text: 'We cannot keep the boats running on goodwill alone.', speaker: 'Mara Quill', attribution: [link('The Alder Courier', 'https://courier.example/a')] });
    blocks.push({ type: 'context', inlines: [text('3 outlets · '), link('source', `https://courier.example/s/${s}`)] });
    blocks.push({ type: 'divider' });
  }
  return { title: 'Digest: ferries', blocks };
}

describe('renderSlack', () => {
  it('renders a small doc as one message with a header, sections and a fallback text', () => {
    const msgs = renderSlack({ title: 'Digest: ferries', blocks: [paragraph(text('Fares rise. '), bold('Again.'))] });
    expect(msgs).toHaveLength(1);
    expect(msgs[0]!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Digest: ferries', emoji: true } });
    expect(msgs[0]!.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Fares rise. *Again.*' } });
    expect(msgs[0]!.text).toContain('Fares rise.');
  });

  it('splits a long digest over several messages, each within the block and text limits', () => {
    const msgs = renderSlack(bigDigest(40));
    expect(msgs.length).toBeGreaterThan(1);
    expectWithinLimits(msgs);
    // nothing lost: every story heading appears exactly once across the messages
    const all = msgs.flatMap((m) => m.blocks.flatMap(texts)).join('\n');
    for (let s = 0; s < 40; s++) expect(all.split(`Story ${s}:`).length).toBe(2);
    // a story heading never ends a message
    for (const m of msgs.slice(0, -1)) expect(JSON.stringify(m.blocks.at(-1))).not.toContain('Story');
  });

  it('splits a single over-long paragraph at sentence boundaries without cutting a link', () => {
    const inl = [];
    for (let i = 0; i < 120; i++) inl.push(text(sentence(i)), link(`report ${i}`, `https://courier.example/r/${i}?a=1&b=2`), text('. '));
    const msgs = renderSlack({ title: 'Long', blocks: [paragraph(...inl)] });
    expectWithinLimits(msgs);
    const sections = msgs.flatMap((m) => m.blocks).filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(1);
    const joined = sections.map((b) => texts(b)[0]).join(' ');
    for (let i = 0; i < 120; i++) expect(joined).toContain(`<https://courier.example/r/${i}?a=1&amp;b=2|report ${i}>`);
  });

  it('escapes hostile article text so no mention or broadcast can be formed', () => {
    const hostile = 'Hi <!channel> and <!here> and <@U123> <#C42|x> & <https://evil.example|click>';
    const msgs = renderSlack({
      title: hostile,
      blocks: [
        { type: 'heading', text: hostile },
        paragraph(text(hostile), bold(hostile), link(hostile, 'https://ok.example/x|<!channel>')),
        { type: 'quote', text: hostile, speaker: '<@U999>' },
        { type: 'list', items: [[text(hostile)]] },
        { type: 'context', inlines: [text(hostile), link('x', '!channel')] },
      ],
    });
    const json = JSON.stringify(msgs);
    expect(json).not.toMatch(/<[!@#]/);
    expect(json).toContain('&lt;!channel&gt;');
    expectWithinLimits(msgs);
  });

  it('percent-encodes | and > in URLs and refuses non-http URLs as links', () => {
    expect(slackUrl('https://a.example/x|y>z')).toBe('https://a.example/x%7Cy%3Ez');
    expect(slackUrl('javascript:alert(1)')).toBeNull();
    expect(slackLink('A > B', 'https://a.example/?q=1&r=2')).toBe('<https://a.example/?q=1&amp;r=2|A &gt; B>');
    expect(slackLink('x', '!channel')).toBe('x (!channel)');
    expect(escapeSlack('a & <b>')).toBe('a &amp; &lt;b&gt;');
  });

  it('uses a bold section instead of a header when the title is longer than 150 characters', () => {
    const title = 'A very long title '.repeat(12);
    const [m] = renderSlack({ title, blocks: [] });
    expect(m!.blocks[0]!.type).toBe('section');
    expectWithinLimits(renderSlack({ title, blocks: [] }));
  });

  it('puts more than ten context pieces into several context blocks of at most ten elements', () => {
    const inlines = Array.from({ length: 30 }, (_, i) => text(`${'w'.repeat(2000)}${i} `));
    const msgs = renderSlack({ title: 't', blocks: [{ type: 'context', inlines }] });
    expectWithinLimits(msgs);
    expect(msgs.flatMap((m) => m.blocks).filter((b) => b.type === 'context').length).toBeGreaterThan(1);
  });
});
