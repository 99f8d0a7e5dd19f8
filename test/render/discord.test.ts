import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, escapeMarkdown, renderDiscord, type DiscordMessagePayload } from '../../src/render/discord.ts';
import { link, paragraph, text, type Block, type Doc } from '../../src/render/document.ts';

function assertWithinLimits(payloads: DiscordMessagePayload[]): void {
  for (const p of payloads) {
    expect(p.allowed_mentions).toEqual({ parse: [] });
    expect(p.embeds.length).toBeGreaterThan(0);
    expect(p.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    let total = 0;
    for (const e of p.embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      total += (e.title?.length ?? 0) + (e.description?.length ?? 0);
    }
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.charsPerMessage);
  }
}

const sentence = (i: number) => `Harbour officials in Port Velmar confirmed shipment number ${i} had cleared inspection on Tuesday. `;

function storyBlocks(n: number): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < n; i++) {
    blocks.push({ type: 'heading', text: `Story ${i}: grain corridor talks resume`, url: `https://courier.example/story/${i}` });
    blocks.push(paragraph(text(sentence(i).repeat(6))));
    blocks.push({
      type: 'quote',
      text: `We will not accept a dead end on corridor number ${i}, whatever the cost`,
      speaker: 'Mira Kovalenko',
      attribution: [link('The Harbour Courier, 3 May', `https://courier.example/story/${i}`)],
    });
  }
  return blocks;
}

const allDescriptions = (ps: DiscordMessagePayload[]) => ps.flatMap((p) => p.embeds.map((e) => e.description ?? ''));

describe('renderDiscord', () => {
  it('renders a short document as one message with the title linked', () => {
    const out = renderDiscord({ title: 'Digest: ukraine', url: 'https://newsbot.example/d/1', blocks: storyBlocks(1) });
    expect(out).toHaveLength(1);
    expect(out[0]!.embeds[0]!.title).toBe('Digest: ukraine');
    expect(out[0]!.embeds[0]!.url).toBe('https://newsbot.example/d/1');
    assertWithinLimits(out);
  });

  it('splits a long digest over several messages, only between blocks, keeping every quote and link whole', () => {
    const out = renderDiscord({ title: 'Digest', blocks: storyBlocks(60) });
    expect(out.length).toBeGreaterThan(1);
    assertWithinLimits(out);
    const descs = allDescriptions(out).join('\n');
    for (let i = 0; i < 60; i++) {
      expect(descs).toContain(`> “We will not accept a dead end on corridor number ${i}, whatever the cost” — **Mira Kovalenko** ([The Harbour Courier, 3 May](https://courier.example/story/${i}))`);
    }
    const titles = out.flatMap((p) => p.embeds.map((e) => e.title)).filter(Boolean);
    expect(titles).toHaveLength(61);
  });

  it('splits a single huge paragraph at sentence boundaries and never inside a link', () => {
    const inlines = [];
    for (let i = 0; i < 400; i++) inlines.push(text(sentence(i)), link(`source ${i}`, `https://courier.example/a/${i}`), text('. '));
    const out = renderDiscord({ title: 'Long', blocks: [paragraph(...inlines)] });
    assertWithinLimits(out);
    const descs = allDescriptions(out);
    expect(descs.length).toBeGreaterThan(2);
    for (const d of descs) {
      // Every opened link is closed in the same piece.
      expect((d.match(/\[source \d+\]\(https:\/\/courier\.example\/a\/\d+\)/g) ?? []).length).toBe((d.match(/\[source/g) ?? []).length);
    }
    const joined = descs.join(' ');
    for (let i = 0; i < 400; i++) expect(joined).toContain(`[source ${i}](https://courier.example/a/${i})`);
  });

  it('splits an over-long quote into pieces that each stay a quote', () => {
    const huge = 'Every berth is full and every crane is busy. '.repeat(300);
    const out = renderDiscord({ title: 'Q', blocks: [{ type: 'quote', text: huge, speaker: 'Anton Brisk' }] });
    assertWithinLimits(out);
    for (const d of allDescriptions(out)) expect(d.startsWith('> ')).toBe(true);
  });

  it('escapes markdown and mentions so article text cannot ping, format or mask a link', () => {
    const hostile: Doc = {
      title: '@everyone look',
      blocks: [
        paragraph(text('Hi @everyone and @here and <@123> and <@&456> *bold* _it_ ~~s~~ `c` ||spoiler|| > q [click](https://evil.example)')),
        { type: 'quote', text: '<@123> said [x](javascript:alert(1))', speaker: '@everyone' },
        paragraph(link('bad', 'javascript:alert(1)')),
      ],
    };
    const out = renderDiscord(hostile);
    assertWithinLimits(out);
    const all = JSON.stringify(out);
    expect(all).not.toMatch(/@everyone|@here/);
    expect(all).not.toContain('<@123>');
    expect(all).not.toContain('](https://evil.example)');
    expect(all).not.toContain('javascript:');
    const d = out[0]!.embeds[0]!.description!;
    expect(d).toContain('\\<@123\\>');
    expect(d).toContain('\\*bold\\*');
    expect(d).toContain('\\|\\|spoiler\\|\\|');
  });

  it('escapes every markdown-significant character', () => {
    expect(escapeMarkdown('*_~`|>[]')).toBe('\\*\\_\\~\\`\\|\\>\\[\\]');
  });

  it('truncates an over-long title at a word boundary within 256 characters', () => {
    const out = renderDiscord({ title: 'word '.repeat(100), blocks: [] });
    expect(out[0]!.embeds[0]!.title!.length).toBeLessThanOrEqual(256);
    expect(out[0]!.embeds[0]!.title!.endsWith('…')).toBe(true);
  });
});
