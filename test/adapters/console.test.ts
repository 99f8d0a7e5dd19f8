import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { sources } from '../../commands/sources.ts';
import type { CommandDeps } from '../../commands/deps.ts';
import { createConsoleAdapter } from '../../src/adapters/console/adapter.ts';
import { openSqliteStore } from '../../src/adapters/sqlite/store.ts';
import { loadConfig } from '../../src/config.ts';
import { createConversation } from '../../src/conversation/conversation.ts';
import type { Store } from '../../src/store/ports.ts';
import { createWork } from '../../src/app/work.ts';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function run(
  lines: string[],
  before?: (a: ReturnType<typeof createConsoleAdapter>) => Promise<void>,
): Promise<{ out: string; store: Store; jobs: unknown[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-console-'));
  const store = await openSqliteStore(join(dir, 'newsbot.db'));
  cleanup = async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const jobs: unknown[] = [];
  const deps: CommandDeps = {
    config: loadConfig({ DATA_DIR: dir }),
    store,
    model: null,
    work: createWork({ enqueue: async (name, payload) => (jobs.push({ name, payload }), 'j') }),
    log: pino({ level: 'silent' }),
    now: () => new Date(),
    onSubscriptionsChanged: async () => {},
  };
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const adapter = createConsoleAdapter({ input, output, conversation: createConversation({ commands: [sources], deps }), log: deps.log });
  await adapter.start();
  await before?.(adapter);
  input.end(lines.join('\n') + '\n');
  await adapter.done;
  await adapter.stop();
  return { out, store, jobs };
}

describe('console adapter', () => {
  it('prints a help line, answers piped commands in order and ends cleanly at end of input', async () => {
    const { out, store, jobs } = await run(['/sources add https://courier.example/feed.xml', '/sources list']);
    expect(out.split('\n')[0]).toMatch(/^newsbot console\. Commands: \/sources/);
    expect(out).toContain('Added https://courier.example/feed.xml');
    expect(out.indexOf('Added')).toBeLessThan(out.indexOf('# Sources (1)'));
    const stored = await store.sources.list();
    expect(stored.map((s) => s.url)).toEqual(['https://courier.example/feed.xml']);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ name: 'ingest-source', payload: { sourceId: stored[0]!.id } });
  });

  it('explains unknown commands, bad arguments, and a question typed before any digest', async () => {
    const { out } = await run(['/frobnicate', '/sources add ftp://courier.example/x', 'what happened?', '']);
    expect(out).toContain('Unknown command. Try: /sources');
    expect(out).toContain('url must start with http:// or https://');
    expect(out).toContain('Follow-up questions work after a /digest');
  });

  it('prints a scheduled post and reports its thread', async () => {
    let ref: unknown = null;
    const { out } = await run([], async (a) => {
      ref = await a.post(
        { platform: 'console', workspaceId: 'local', channelId: 'console' },
        { title: 'Morning digest: harbour', blocks: [{ type: 'paragraph', inlines: [{ t: 'text', text: 'Cranes idle at Port Velmar.' }] }] },
        { startThread: 'Questions: harbour' },
      );
    });
    expect(out).toContain('# Morning digest: harbour');
    expect(out).toContain('Cranes idle at Port Velmar.');
    expect(ref).toMatchObject({ platform: 'console', channelId: 'console', threadId: 'console-post-1' });
  });
});

describe('console thread and prompt', () => {
  const post = (a: ReturnType<typeof createConsoleAdapter>) =>
    a.post(
      { platform: 'console', workspaceId: 'local', channelId: 'console' },
      { title: 'News digest: harbour', blocks: [{ type: 'paragraph', inlines: [{ t: 'text', text: 'Cranes idle at Port Velmar.' }] }] },
      { startThread: 'Questions: harbour' },
    );

  it('says where the next line goes, and leaves a digest thread with /exit', async () => {
    const { out } = await run(['/exit', 'what happened?'], async (a) => {
      await post(a);
    });
    expect(out).toContain('(left the thread of "News digest: harbour")');
    expect(out).toContain('[newsbot: type a /command, or /help]');
    // Out of the thread, a plain line is no longer a follow-up question.
    expect(out.indexOf('Follow-up questions work after a /digest')).toBeGreaterThan(out.indexOf('(left the thread'));
  });

  it('leaves a digest thread on an empty line', async () => {
    const { out } = await run(['', '/sources list'], async (a) => {
      await post(a);
    });
    expect(out).toContain('(left the thread of "News digest: harbour")');
    expect(out).not.toContain('(not in a digest thread)');
  });
});
