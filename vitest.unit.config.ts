// `npm run test:unit`: the fast loop. Leaves out what starts processes or waits on real time
// (e2e start, Discord shards, two schedulers, BullMQ workers, benches, CLI runs), so it needs no
// build either; `npm test` runs everything.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      'test/e2e/**',
      'test/bench/**',
      'test/cli/**',
      'test/adapters/discord-shards.test.ts',
      'test/adapters/bullmq-workers.test.ts',
      'test/schedule/two-schedulers.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Files share their worker's module cache: most of an isolated run is spent importing the same
    // modules again for every file. `npm test` keeps files isolated, so a test that leaks state
    // into the next file still fails there.
    isolate: false,
  },
});
