// /help through the real router, and every CLI subcommand's --help.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.ts';
import { openFixture, shown, type CommandFixture } from './setup.ts';
import { runCliCaptured } from '../support/cli.ts';

let f: CommandFixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(() => f.close());

describe('/help', () => {
  it('lists every command, privately', async () => {
    const r = await f.run('/help');
    expect(r.kind).toBe('private');
    for (const c of allCommands) expect(shown(r)).toContain(`/${c.name}: `);
  });

  it('gives each command its options and two examples', async () => {
    for (const c of allCommands) {
      const text = shown(await f.run(`/help ${c.name}`));
      for (const o of c.options) expect(text, c.name).toContain(`  ${o.name}`);
      const examples = /Examples: (.*)$/m.exec(text)?.[1]?.split('  ·  ') ?? [];
      expect(examples.length, c.name).toBeGreaterThanOrEqual(c.name === 'subscriptions' ? 1 : 2);
      for (const e of examples) expect(e.startsWith(`/${c.name}`), e).toBe(true);
    }
    expect(shown(await f.run('/help /digest'))).toContain('since (optional)');
    expect(shown(await f.run('/help frob'))).toMatch(/^There is no \/frob\. Commands: \/digest/);
  });
});

describe('newsbot <command> --help', () => {
  it('prints the usage of every subcommand and exits 0', async () => {
    const names = ['start', 'ingest', 'feed', 'sources', 'articles', 'quotes', 'whosaid', 'summarise', 'digest', 'ask', 'usage', 'jobs', 'register-commands'];
    for (const name of names) {
      const r = await runCliCaptured([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toMatch(new RegExp(`^usage: newsbot ${name}\\b`));
    }
  });

  it('prints the version', async () => {
    const r = await runCliCaptured(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^newsbot \d+\.\d+\.\d+/);
  });
});
