// DESIGN.md rule 1: the core never imports an SDK; adapters never import each other;
// only the composition root (src/app.ts, src/app/) and the entry points choose adapters; only the
// composition root uses jobs/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SDK = /^(better-sqlite3|pg|ioredis|bullmq|openai|discord\.js|@discordjs\/.*|@slack\/.*|node-cron|prom-client|undici)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

const ENTRY = new Set(['src/app.ts', 'src/main.ts', 'src/cli.ts']);
const core = [...files(join(root, 'src')), ...files(join(root, 'commands')), ...files(join(root, 'jobs'))]
  .map((f) => relative(root, f))
  .filter((f) => !f.startsWith('src/adapters/') && !f.startsWith('src/app/') && !ENTRY.has(f) && !f.startsWith('src/cli/'));

describe('architecture boundaries', () => {
  it('keeps SDK and driver imports out of the core', () => {
    const offenders = core.flatMap((f) => imports(join(root, f)).filter((i) => SDK.test(i)).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('keeps the core from importing adapters', () => {
    const offenders = core.flatMap((f) => imports(join(root, f)).filter((i) => i.includes('/adapters/')).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('keeps adapters from importing each other', () => {
    const adapterFiles = files(join(root, 'src', 'adapters')).map((f) => relative(root, f));
    const offenders = adapterFiles.flatMap((f) => {
      const own = f.split('/')[2];
      return imports(join(root, f))
        .filter((i) => /\/adapters\/|^\.\.\/[a-z-]+\//.test(i))
        .filter((i) => {
          const m = /adapters\/([a-z-]+)\//.exec(i) ?? /^\.\.\/([a-z-]+)\//.exec(i);
          return m !== null && m[1] !== own && !i.startsWith('../../');
        })
        .map((i) => `${f} imports ${i}`);
    });
    expect(offenders).toEqual([]);
  });

  it('keeps jobs/ out of the core: only the composition root (src/app/) turns work into jobs', () => {
    const outside = [...files(join(root, 'src')), ...files(join(root, 'commands'))]
      .map((f) => relative(root, f))
      .filter((f) => !f.startsWith('src/app/') && f !== 'src/app.ts');
    const offenders = outside.flatMap((f) => imports(join(root, f)).filter((i) => /(^|\/)jobs\//.test(i)).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('gives CLI commands what they open from the composition root: none imports an adapter or opens one itself', () => {
    const cli = files(join(root, 'src', 'cli')).map((f) => relative(root, f));
    const offenders = cli.flatMap((f) => {
      const src = readFileSync(join(root, f), 'utf8');
      const opens = [...src.matchAll(/\b(open(?:App|Store|Queue|Fetcher|Model))\(/g)].map((m) => `${f} calls ${m[1]}`);
      return [...imports(join(root, f)).filter((i) => i.includes('/adapters/')).map((i) => `${f} imports ${i}`), ...opens];
    });
    expect(cli.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in the entry points and CLI commands', () => {
    const offenders = core.filter((f) => /process\.env/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
