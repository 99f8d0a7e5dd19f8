// The command registry: every platform adapter registers and routes exactly these.
import type { Command } from './types.ts';
import type { CommandDeps } from './deps.ts';
import { digest } from './digest.ts';
import { whosaid } from './whosaid.ts';
import { ask } from './ask.ts';
import { subscribe } from './subscribe.ts';
import { unsubscribe } from './unsubscribe.ts';
import { subscriptions } from './subscriptions.ts';
import { sources } from './sources.ts';
import { helpCommand } from './help.ts';

export const allCommands: Command<CommandDeps>[] = [digest, whosaid, ask, subscribe, unsubscribe, subscriptions, sources];
allCommands.push(helpCommand(() => allCommands));
