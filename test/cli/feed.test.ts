import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/http-server.ts';
import { runCliCaptured } from '../support/cli.ts';

const feeds = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function cli(args: string[]) {
  return runCliCaptured(args, { env: { NEWSBOT_FETCH_ALLOWLIST: '127.0.0.1' } });
}

describe('newsbot feed --json', () => {
  it('prints one JSON line per input, in order, with the documented fields', async () => {
    server.serve('/atom', readFileSync(`${feeds}atom.xml`), { 'content-type': 'application/atom+xml' });
    const r = await cli(['feed', `${feeds}jsonfeed.json`, `${server.url}/atom`, `${feeds}empty.xml`, '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.source)).toEqual([`${feeds}jsonfeed.json`, `${server.url}/atom`, `${feeds}empty.xml`]);
    expect(lines[0]).toEqual({
      source: `${feeds}jsonfeed.json`,
      title: 'Ridgeline Dispatch',
      items: [
        { title: 'Pass closes after "record" snow', link: 'https://ridgeline.example/stories/snow', id: 'rd-77', summary: 'The mountain pass closed on Sunday.', published: '2025-01-05T11:00:00.000Z' },
        { title: 'Ploughs out overnight', link: 'https://ridgeline.example/stories/plough', id: '78', summary: 'Crews worked through the night.', published: '2025-01-06T01:00:00.000Z' },
      ],
    });
    expect((lines[1]!.items as { link: string }[])[0]!.link).toBe('https://valley.example/news/2025/orchard.html');
    expect(lines[2]).toEqual({ source: `${feeds}empty.xml`, title: 'Quiet Bay News', items: [] });
  });

  it('gives an error line for an unreadable input, still prints the others, and exits 2', async () => {
    server.serve('/500', 'x', {}, 500);
    const r = await cli(['feed', 'missing.xml', `${feeds}broken.xml`, `${server.url}/500`, '--json']);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ source: 'missing.xml', error: 'no such file: missing.xml' });
    expect((lines[1]!.items as unknown[]).length).toBe(2);
    expect(lines[2]).toEqual({ source: `${server.url}/500`, error: 'HTTP 500' });
    expect(r.stderr).toBe('newsbot feed: 2 of 3 inputs could not be read\n');
  });

  it('exits 2 with a usage line when no input is given', async () => {
    const r = await cli(['feed', '--json']);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'newsbot feed: give at least one feed file or URL\n' });
  });
});
