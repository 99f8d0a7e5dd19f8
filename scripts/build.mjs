// `npm run build` (and `prepare`, which `npm ci` runs): compiles src/, commands/ and jobs/ to dist/
// with tsc, then copies what tsc does not (the SQL migrations next to their runner).
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
for (const adapter of readdirSync(join(root, 'src/adapters'))) {
  const from = join(root, 'src/adapters', adapter, 'migrations');
  try {
    cpSync(from, join(root, 'dist/src/adapters', adapter, 'migrations'), { recursive: true });
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
}
