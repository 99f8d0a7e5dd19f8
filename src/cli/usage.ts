// `newsbot usage [--days 7] [--json]`: model calls and tokens recorded per UTC day and model, and
// how much of today's budget (OPENAI_DAILY_TOKEN_BUDGET, 0 = no limit) is left.
import { createLogger } from '../log.ts';
import { usageDay } from '../llm/errors.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';

const command: CliCommand = {
  name: 'usage',
  async run(args, io, root) {
    const { positional, flags, options } = parseArgs(args, { flags: ['json'], options: ['days'] });
    if (positional.length) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const days = Number(options.get('days') ?? '7');
    if (!Number.isInteger(days) || days < 1 || days > 366) throw new UsageError('--days must be a whole number from 1 to 366');
    const config = await root.config();
    const app = await root.app(createLogger(config.LOG_LEVEL));
    const now = new Date();
    const since = usageDay(new Date(now.getTime() - (days - 1) * 86_400_000));
    const rows = await app.store.cache.usage(since);
    const today = usageDay(now);
    const usedToday = rows.filter((r) => r.day === today).reduce((s, r) => s + r.promptTokens + r.completionTokens, 0);
    const budget = config.OPENAI_DAILY_TOKEN_BUDGET;
    if (flags.has('json')) {
      io.stdout.write(JSON.stringify({ since, rows, today: { day: today, used: usedToday, budget: budget || null } }, null, 2) + '\n');
      return 0;
    }
    const lines = [`Model usage since ${since} (UTC days)${config.OPENAI_API_KEY ? ` · model ${config.OPENAI_MODEL}` : ' · no model configured (offline)'}`];
    if (rows.length === 0) lines.push('  no model calls recorded');
    else {
      lines.push(`  ${'day'.padEnd(12)}${'model'.padEnd(24)}${'calls'.padStart(7)}${'prompt'.padStart(10)}${'completion'.padStart(12)}${'total'.padStart(10)}`);
      for (const r of rows) {
        lines.push(
          `  ${r.day.padEnd(12)}${r.model.slice(0, 23).padEnd(24)}${String(r.calls).padStart(7)}${String(r.promptTokens).padStart(10)}${String(r.completionTokens).padStart(12)}${String(r.promptTokens + r.completionTokens).padStart(10)}`,
        );
      }
    }
    lines.push(budget > 0 ? `Today: ${usedToday} of ${budget} tokens used (${Math.max(0, budget - usedToday)} left)` : `Today: ${usedToday} tokens used (no daily budget)`);
    io.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};

export default command;
