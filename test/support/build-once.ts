// Vitest global setup: compiles the project to dist/ before the tests, so tests that run
// bin/newsbot.js as a process run the code under test (incremental: quick when nothing changed).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', cwd: new URL('../..', import.meta.url).pathname });
}
