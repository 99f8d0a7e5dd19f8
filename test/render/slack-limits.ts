// Shared assertion: Slack messages respect Block Kit limits and contain only complete links.
import { expect } from 'vitest';
import { SLACK_LIMITS, type SlackBlock, type SlackMessage } from '../../src/render/slack.ts';

export function texts(b: SlackBlock): string[] {
  switch (b.type) {
    case 'header':
    case 'section':
      return [b.text.text];
    case 'context':
      return b.elements.map((e) => e.text);
    case 'divider':
      return [];
  }
}

export function expectWithinLimits(messages: SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.text.length).toBeGreaterThan(0);
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    for (const b of m.blocks) {
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
      if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      if (b.type === 'context') {
        expect(b.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
        for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      }
      // every link we emit is complete: as many `<` as `>` in each text
      for (const t of texts(b)) expect((t.match(/</g) ?? []).length).toBe((t.match(/>/g) ?? []).length - (t.match(/(^|\n)>/g) ?? []).length);
    }
  }
}

