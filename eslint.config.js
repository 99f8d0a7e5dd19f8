// ESLint flat config. The boundary rule keeps SDKs and drivers out of the core (DESIGN.md rule 1):
// only src/adapters/**, src/app.ts and the entry points may import them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SDKS = [
  'better-sqlite3', 'pg', 'ioredis', 'bullmq', 'openai', 'discord.js', '@discordjs/*',
  '@slack/*', 'node-cron', 'prom-client',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain JavaScript run by node directly (the bin, the build script).
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } },
  },
  {
    files: ['src/**/*.ts', 'commands/**/*.ts', 'jobs/**/*.ts'],
    ignores: ['src/adapters/**', 'src/app.ts', 'src/main.ts', 'src/cli.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: SDKS, message: 'core code must not import an SDK: add a port and an adapter in src/adapters/ (DESIGN.md rule 1)' }] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'only the entry points read process.env; take Config instead' }],
    },
  },
);
