// pino logger factory. Secrets are redacted wherever they appear under a known key,
// so passing the whole config or an error with headers into a log line is safe.
import { pino, type Logger } from 'pino';
import { SECRET_KEYS } from './config.ts';

export type { Logger };

const redactPaths = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'password',
  '*.password',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: redactPaths, censor: '[redacted]' }, base: { app: 'newsbot' } },
    // Logs go to stderr so CLI output on stdout stays machine-readable.
    (destination ?? process.stderr) as pino.DestinationStream,
  );
}
