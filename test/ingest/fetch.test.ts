import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/adapters/http/fetcher.ts';
import type { Fetcher } from '../../src/fetch/port.ts';
import { FetchError } from '../../src/fetch/errors.ts';
import { startTestServer, type TestServer } from '../support/http-server.ts';

let server: TestServer;
let fetcher: Fetcher;

beforeAll(async () => {
  server = await startTestServer();
  fetcher = createFetcher({ timeoutMs: 2000, maxBytes: 5 * 1024 * 1024, allowlist: ['127.0.0.1'] });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

async function failure(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('fetchUrl', () => {
  it('returns the decoded body, content type, validators and a User-Agent naming the bot', async () => {
    server.serve('/ok', 'hello', { 'content-type': 'text/plain; charset=utf-8', etag: '"v1"', 'last-modified': 'Mon, 02 Jun 2025 10:00:00 GMT' });
    const r = await fetcher.fetchUrl(`${server.url}/ok`);
    expect(r).toMatchObject({ status: 'ok', text: 'hello', etag: '"v1"', lastModified: 'Mon, 02 Jun 2025 10:00:00 GMT' });
    const seen = server.requests.find((q) => q.path === '/ok')!;
    expect(seen.headers['user-agent']).toMatch(/^newsbot\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/newsbot\)$/);
  });

  it('sends If-None-Match / If-Modified-Since and reports a 304 as not-modified', async () => {
    server.route('/cond', (req, res) => {
      if (req.headers['if-none-match'] === '"abc"' && req.headers['if-modified-since'] === 'Tue, 03 Jun 2025 08:00:00 GMT') {
        res.writeHead(304).end();
      } else res.writeHead(200, { etag: '"abc"', 'last-modified': 'Tue, 03 Jun 2025 08:00:00 GMT' }).end('body');
    });
    const first = await fetcher.fetchUrl(`${server.url}/cond`);
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    const second = await fetcher.fetchUrl(`${server.url}/cond`, { etag: first.etag, lastModified: first.lastModified });
    expect(second.status).toBe('not-modified');
  });

  it('fails with "HTTP 500" on a server error', async () => {
    server.serve('/boom', 'oops', {}, 500);
    const err = await failure(fetcher.fetchUrl(`${server.url}/boom`));
    expect(err.message).toBe('HTTP 500');
  });

  it('refuses a body larger than the cap, with or without Content-Length', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'a');
    server.serve('/big', big, { 'content-type': 'text/plain' });
    server.route('/big-chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 6; i++) res.write(Buffer.alloc(1024 * 1024, 'b'));
      res.end();
    });
    expect((await failure(fetcher.fetchUrl(`${server.url}/big`))).message).toBe('body larger than 5 MB');
    expect((await failure(fetcher.fetchUrl(`${server.url}/big-chunked`))).message).toBe('body larger than 5 MB');
  });

  it('follows up to five redirects and detects loops', async () => {
    for (let i = 0; i < 7; i++) server.serve(`/hop${i}`, '', { location: `/hop${i + 1}` }, 302);
    server.serve('/hop7', 'arrived');
    server.serve('/loop-a', '', { location: '/loop-b' }, 301);
    server.serve('/loop-b', '', { location: '/loop-a' }, 301);
    const ok = await fetcher.fetchUrl(`${server.url}/hop2`);
    expect(ok).toMatchObject({ status: 'ok', text: 'arrived', url: `${server.url}/hop7` });
    expect((await failure(fetcher.fetchUrl(`${server.url}/hop0`))).message).toBe('too many redirects (max 5)');
    const loop = await failure(fetcher.fetchUrl(`${server.url}/loop-a`));
    expect(loop.message).toMatch(/redirect loop/);
  });

  it('times out with a clear message when the server never answers', async () => {
    server.route('/hang', () => undefined);
    const slow = createFetcher({ timeoutMs: 200, maxBytes: 1000, allowlist: ['127.0.0.1'] });
    try {
      expect((await failure(slow.fetchUrl(`${server.url}/hang`))).message).toBe('timed out after 200 ms');
    } finally {
      await slow.close();
    }
  });

  it('refuses non-http schemes and malformed URLs', async () => {
    expect((await failure(fetcher.fetchUrl('ftp://example.org/feed'))).code).toBe('bad-url');
    expect((await failure(fetcher.fetchUrl('not a url'))).message).toBe('not a valid URL: not a url');
  });
});

describe('private-address guard', () => {
  const strict = () => createFetcher({ timeoutMs: 2000, maxBytes: 1000, allowlist: [] });

  it('refuses loopback, private, metadata and IPv6 loopback addresses before connecting', async () => {
    const f = strict();
    const before = server.connections;
    try {
      expect((await failure(f.fetchUrl(`${server.url}/ok`))).message).toBe('refused: 127.0.0.1 is a loopback address');
      expect((await failure(f.fetchUrl('http://10.0.0.1/feed'))).message).toBe('refused: 10.0.0.1 is a private address');
      expect((await failure(f.fetchUrl('http://169.254.169.254/latest/meta-data/'))).message).toBe(
        'refused: 169.254.169.254 is a cloud metadata address',
      );
      expect((await failure(f.fetchUrl(`http://[::1]:${server.port}/ok`))).message).toBe('refused: ::1 is a loopback address');
      expect((await failure(f.fetchUrl('http://[::ffff:192.168.1.4]/'))).message).toMatch(/private address/);
      expect(server.connections).toBe(before);
    } finally {
      await f.close();
    }
  });

  it('sees through other spellings of private addresses', async () => {
    const f = strict();
    try {
      expect((await failure(f.fetchUrl('http://2130706433/'))).message).toBe('refused: 127.0.0.1 is a loopback address');
      expect((await failure(f.fetchUrl('http://0x7f.1/'))).message).toBe('refused: 127.0.0.1 is a loopback address');
      expect((await failure(f.fetchUrl('http://0/'))).message).toBe('refused: 0.0.0.0 is an unspecified address');
      expect((await failure(f.fetchUrl('http://[fd00::1]/'))).message).toBe('refused: fd00::1 is a unique-local address');
      expect((await failure(f.fetchUrl('http://[0:0:0:0:0:0:0:1]/'))).message).toBe('refused: ::1 is a loopback address');
    } finally {
      await f.close();
    }
  });

  it('checks the resolved address of a hostname at connect time', async () => {
    const f = strict();
    const before = server.connections;
    try {
      const err = await failure(f.fetchUrl(`http://localhost:${server.port}/ok`));
      expect(err.code).toBe('refused');
      expect(err.message).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), which is a loopback address$/);
      expect(server.connections).toBe(before);
    } finally {
      await f.close();
    }
  });

  it('refuses a redirect from an allowed host to a private one', async () => {
    server.serve('/to-private', '', { location: 'http://10.1.2.3/internal' }, 302);
    const err = await failure(fetcher.fetchUrl(`${server.url}/to-private`));
    expect(err.message).toBe('refused: 10.1.2.3 is a private address');
  });

  it('lets allow-listed CIDRs and hostnames through', async () => {
    const byCidr = createFetcher({ timeoutMs: 2000, maxBytes: 1000, allowlist: ['127.0.0.0/8'] });
    const byName = createFetcher({ timeoutMs: 2000, maxBytes: 1000, allowlist: ['localhost'] });
    try {
      expect((await byCidr.fetchUrl(`${server.url}/ok`)).status).toBe('ok');
      expect((await byName.fetchUrl(`http://localhost:${server.port}/ok`)).status).toBe('ok');
    } finally {
      await byCidr.close();
      await byName.close();
    }
  });
});
