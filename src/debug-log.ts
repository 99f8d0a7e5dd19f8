// Pure helpers have no pino logger to hand. Their expected fallbacks (a string that is not JSON, a
// label that is not a charset) are traced here: silent by default, shown with NODE_DEBUG=newsbot.
import { debuglog } from 'node:util';

export const debugLog: (msg: string, ...args: unknown[]) => void = debuglog('newsbot');
