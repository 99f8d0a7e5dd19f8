// One zod schema over the environment. Nothing else in newsbot reads the environment:
// entry points call loadConfig() on it and pass the result down.
import { z } from 'zod';

const csv = z
  .string()
  .optional()
  .transform((s) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean));

const port = (def: number) => z.coerce.number().int().min(0).max(65535).default(def);

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((s) => (s === '' ? undefined : s))
    .refine((s) => s === undefined || protocols.some((p) => s.startsWith(p)), {
      message: `must start with ${protocols.join(' or ')}`,
    })
    .refine((s) => s === undefined || URL.canParse(s), { message: 'is not a valid URL' });

const optionalString = z
  .string()
  .optional()
  .transform((s) => (s === '' ? undefined : s));

const cronExpr = z
  .string()
  .regex(/^\s*\S+(\s+\S+){4,5}\s*$/, 'must be a cron expression with 5 or 6 fields');

export const configSchema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres://', 'postgresql://']),
  REDIS_URL: optionalUrl(['redis://', 'rediss://']),
  NEWSBOT_FEEDS: csv,
  INGEST_CRON: cronExpr.default('*/15 * * * *'),
  NEWSBOT_FETCH_ALLOWLIST: csv,
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  FETCH_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  // Full text behind teaser feeds (src/ingest/fulltext.ts) and politeness towards each host.
  NEWSBOT_FULLTEXT: z.enum(['auto', 'always', 'never']).default('auto'),
  FETCH_HOST_CONCURRENCY: z.coerce.number().int().positive().max(16).default(2),
  FETCH_HOST_DELAY_MS: z.coerce.number().int().min(0).default(500),
  NEWSBOT_MAX_ITEMS_PER_FEED: z.coerce.number().int().positive().default(200),
  RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  // Jobs and schedules (docs/scaling-out.md). Rate limits are global across all workers with Redis.
  DIGEST_GRACE_MINUTES: z.coerce.number().int().min(0).default(120),
  POST_RATE_PER_MINUTE: z.coerce.number().int().positive().default(30),
  MODEL_RATE_PER_MINUTE: z.coerce.number().int().positive().default(60),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(4),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl(['http://', 'https://']),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  OPENAI_DAILY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(200_000),
  DISCORD_TOKEN: optionalString,
  DISCORD_API_URL: optionalUrl(['http://', 'https://']),
  DISCORD_GUILD_ID: optionalString,
  DISCORD_SHARDS: z
    .string()
    .optional()
    .transform((s) => (s === undefined || s === '' ? undefined : s))
    .refine((s) => s === undefined || s === 'auto' || /^\d+$/.test(s), { message: "must be 'auto' or a number" }),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_PORT: port(3000),
  SLACK_API_URL: optionalUrl(['http://', 'https://']),
  SLACK_MANAGER_IDS: csv,
  HTTP_PORT: port(9464),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming every bad variable at once. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new ConfigError(problems);
  }
  const c = result.data;
  const extra: string[] = [];
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    extra.push('SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is');
  }
  if (extra.length) throw new ConfigError(extra);
  return c;
}

/** Keys whose values must never reach a log line. */
export const SECRET_KEYS = [
  'OPENAI_API_KEY',
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'DATABASE_URL',
  'REDIS_URL',
] as const;
