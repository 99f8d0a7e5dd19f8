import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';

describe('loadConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.DATA_DIR).toBe('./data');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.INGEST_CRON).toBe('*/15 * * * *');
    expect(c.HTTP_PORT).toBe(9464);
    expect(c.NEWSBOT_FEEDS).toEqual([]);
  });

  it('splits comma-separated lists and trims them', () => {
    const c = loadConfig({ NEWSBOT_FEEDS: ' https://a.example/feed , ./examples ,', NEWSBOT_FETCH_ALLOWLIST: '127.0.0.1,10.0.0.0/8' });
    expect(c.NEWSBOT_FEEDS).toEqual(['https://a.example/feed', './examples']);
    expect(c.NEWSBOT_FETCH_ALLOWLIST).toEqual(['127.0.0.1', '10.0.0.0/8']);
  });

  it('lists every bad variable by name in one error', () => {
    let err: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', HTTP_PORT: 'eighty', LOG_LEVEL: 'loud', INGEST_CRON: 'often' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    for (const name of ['DATABASE_URL', 'HTTP_PORT', 'LOG_LEVEL', 'INGEST_CRON']) expect(msg).toContain(name);
    expect((err as ConfigError).problems).toHaveLength(4);
  });

  it('refuses a Slack bot token without a way to receive events', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
  });

  it('treats empty strings as unset', () => {
    const c = loadConfig({ OPENAI_API_KEY: '', DATABASE_URL: '', REDIS_URL: '' });
    expect(c.OPENAI_API_KEY).toBeUndefined();
    expect(c.DATABASE_URL).toBeUndefined();
  });
});

describe('logger', () => {
  it('never writes secrets to the log', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, cb) {
        out += String(chunk);
        cb();
      },
    });
    const log = createLogger('info', sink);
    const config = loadConfig({ DISCORD_TOKEN: 'discord-secret-123', OPENAI_API_KEY: 'sk-secret-456', DATABASE_URL: 'postgres://u:pw-789@h/db' });
    log.info({ config, token: 'tok-000' }, 'starting');
    expect(out).toContain('starting');
    for (const secret of ['discord-secret-123', 'sk-secret-456', 'pw-789', 'tok-000']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });
});

describe('README', () => {
  it('documents every configuration variable in its table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const documented = new Set([...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
    expect(Object.keys(configSchema.shape).filter((k) => !documented.has(k))).toEqual([]);
  });
});
