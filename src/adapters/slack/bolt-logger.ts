// Bolt and the Slack SDK log through this adapter into our pino logger, so their lines carry the
// same structure and redaction as ours. Bolt's level is driven by pino's, not by setLevel().
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.ts';
import { debugLog } from '../../debug-log.ts';

const toPino: Record<LogLevel, 'debug' | 'info' | 'warn' | 'error'> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch (err) {
    debugLog('bolt log argument not serialisable: %s', err);
    return String(v);
  }
}

function line(msg: unknown[]): { text: string; err?: Error } {
  const err = msg.find((m): m is Error => m instanceof Error);
  const text = msg
    .filter((m) => m !== err)
    .map((m) => (typeof m === 'string' ? m : safeJson(m)))
    .join(' ');
  return err ? { text, err } : { text };
}

export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  const emit = (level: LogLevel) => (...msg: unknown[]) => {
    const { text, err } = line(msg);
    if (err) child[toPino[level]]({ err }, text || err.message);
    else child[toPino[level]](text);
  };
  return {
    debug: emit(LogLevel.DEBUG),
    info: emit(LogLevel.INFO),
    warn: emit(LogLevel.WARN),
    error: emit(LogLevel.ERROR),
    setLevel: () => {},
    getLevel: () => {
      const l = child.level;
      if (l === 'debug' || l === 'trace') return LogLevel.DEBUG;
      if (l === 'info') return LogLevel.INFO;
      if (l === 'warn') return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: () => {},
  };
}
