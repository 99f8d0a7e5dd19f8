// What commands may use (src/conversation/types.ts): built once in src/app.ts.
export type { CommandDeps } from '../src/conversation/types.ts';
