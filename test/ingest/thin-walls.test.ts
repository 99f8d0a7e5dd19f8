import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.ts';
import { isThin, wantsPage } from '../../src/ingest/thin.ts';
import { isWallText, stripWallText, wallReason } from '../../src/ingest/walls.ts';
import { articlePage, PAYWALLED, PAYWALL_TEXT, STORIES } from '../support/outlet.ts';

const long = 'The harbour board met for three hours on Tuesday and agreed a new plan for the quay. '.repeat(10);

describe('thin items', () => {
  it('are short items without full content, or items cut with an ellipsis or a read-more link', () => {
    expect(isThin({ text: 'Crews stopped work on Monday.', hasFullContent: false })).toBe(true);
    expect(isThin({ text: long, hasFullContent: false })).toBe(false);
    expect(isThin({ text: 'Short but complete.', hasFullContent: true })).toBe(false);
    for (const cut of [`${long}…`, `${long}...`, `${long} [...]`, `${long} Read more`, `${long} Continue reading "Ferry crews walk out" →`, 'The vote was delayed. Read the full story']) {
      expect(isThin({ text: cut, hasFullContent: true }), cut.slice(-40)).toBe(true);
    }
    expect(isThin({ text: `${long} He said more would follow.`, hasFullContent: false })).toBe(false);
  });

  it('have their page fetched under auto, every item under always, none under never or without an http link', () => {
    const thin = { text: 'Crews stopped work…', hasFullContent: false, link: 'https://ledger.example/a' };
    const full = { text: long, hasFullContent: true, link: 'https://ledger.example/b' };
    expect([wantsPage('auto', thin), wantsPage('auto', full)]).toEqual([true, false]);
    expect([wantsPage('always', thin), wantsPage('always', full)]).toEqual([true, true]);
    expect([wantsPage('never', thin), wantsPage('never', full)]).toEqual([false, false]);
    expect(wantsPage('always', { ...thin, link: null })).toBe(false);
    expect(wantsPage('auto', { ...thin, link: 'file:///tmp/x.html' })).toBe(false);
  });
});

describe('walls', () => {
  it('recognise subscribe and sign-in lines, and only short ones', () => {
    for (const line of [PAYWALL_TEXT, 'Sign in to continue reading', 'This article is only available to subscribers.', 'Create a free account to read the full article', "You've reached your free article limit."]) {
      expect(isWallText(line), line).toBe(true);
    }
    expect(isWallText('The union said members would subscribe to the new pension plan from May.')).toBe(false);
    expect(stripWallText(`First paragraph.\n\n${PAYWALL_TEXT}\n\nLast paragraph.`)).toBe('First paragraph.\n\nLast paragraph.');
  });

  it('are found from JSON-LD isAccessibleForFree false, or a wall line beside a short text', () => {
    expect(wallReason([JSON.stringify({ '@type': 'NewsArticle', isAccessibleForFree: 'False' })], long, long)).toMatch(/paywall/);
    expect(wallReason([JSON.stringify({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', hasPart: [{ isAccessibleForFree: false }] }] })], long, long)).toMatch(/paywall/);
    expect(wallReason(['{broken'], `Intro.\n\n${PAYWALL_TEXT}`, 'Intro.')).toBe('subscription or sign-in wall');
    expect(wallReason([JSON.stringify({ isAccessibleForFree: true })], `${long}${long}\n\n${PAYWALL_TEXT}`, long + long)).toBeNull();
  });

  it('never reach the text extracted from a page, and mark a paywalled page', () => {
    const walled = extractArticle(articlePage('https://ledger.example', PAYWALLED, { paywalled: true }), 'https://ledger.example/premium/x');
    expect(walled.wall).toMatch(/paywall/);
    expect(walled.text).not.toMatch(/Subscribe|subscriber/);
    const open = extractArticle(articlePage('https://ledger.example', STORIES[0]!), 'https://ledger.example/news/x');
    expect(open.wall).toBeNull();
    expect(open.text.split('\n\n')).toEqual(STORIES[0]!.body);
    expect(open.canonicalUrl).toBe(`https://ledger.example/${STORIES[0]!.slug}`);
  });
});
