// The console chat adapter: what `npm start` uses when no platform token is set, so the bot can
// be tried on a fresh machine. Reads one command per line (`/digest ukraine 3d`, `/whosaid
// "dead end"`, `/ask …`) and prints the rendered replies. After a digest, the console is "in its
// thread": a line without a slash goes to the conversation as a message in that thread, until
// `/exit` or an empty line leaves it. A line after each reply says which of the two the next one is.
// Works with piped input (no TTY). At end of input it stops reading but does not exit the
// process: the bot keeps running (schedules, workers) until a signal.
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatAdapter, Posted } from '../../chat/port.ts';
import type { Conversation } from '../../conversation/conversation.ts';
import type { CommandContext, Replier } from '../../conversation/types.ts';
import type { ChannelRef } from '../../domain/types.ts';
import type { Logger } from '../../log.ts';
import type { Doc } from '../../render/document.ts';
import { renderText } from '../../render/text.ts';

export interface ConsoleAdapterOptions {
  input: Readable;
  output: Writable;
  conversation: Conversation;
  log: Logger;
  /**
   * Resolves when the sources ingested at start are in. Lines typed (or piped) before then are
   * answered after it, so a first `/digest` sees the articles rather than an empty store.
   */
  ready?: Promise<void>;
  /** Whether the person at the console may manage sources and subscriptions (default: yes, the operator). */
  manager?: boolean;
}

export interface ConsoleAdapter extends ChatAdapter {
  /** Resolves once the input has ended and every line read has been answered. */
  readonly done: Promise<void>;
  /** The digest thread the console is in (lines without a slash go there), or null. */
  thread(): string | null;
}

const CHANNEL = 'console';

export function createConsoleAdapter(o: ConsoleAdapterOptions): ConsoleAdapter {
  const { conversation, output, log } = o;
  let rl: Interface | null = null;
  let thread: string | null = null;
  let posts = 0;
  let chain: Promise<void> = Promise.resolve();
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  const write = (s: string) => void output.write(s.endsWith('\n') ? s : s + '\n');
  let threadTitle = '';
  // Says where the next line goes: into a digest's thread, or to the commands.
  const prompt = () =>
    write(thread ? `[in the thread of "${threadTitle}": type a question; /exit or an empty line leaves it]` : '[newsbot: type a /command, or /help]');
  const leaveThread = () => {
    write(thread ? `(left the thread of "${threadTitle}")` : '(not in a digest thread)');
    thread = null;
    prompt();
  };

  const help = () =>
    `newsbot console. Commands: ${conversation.commands.map((c) => '/' + c.name).join(' ')}\n` +
    'e.g. /digest ukraine 7d · /whosaid brandt · /whosaid "front line" · /ask what did the energy minister say? · after a digest, type a follow-up question.';

  function print(doc: Doc, opts: { startThread?: string } = {}, channelId = CHANNEL): Posted {
    posts++;
    write(renderText(doc));
    const threadId = opts.startThread ? `console-post-${posts}` : null;
    if (threadId) {
      thread = threadId;
      threadTitle = doc.title;
    }
    return { platform: 'console', channelId, messageId: `console-${posts}`, threadId };
  }

  const replier: Replier = {
    async private(c) {
      write('text' in c ? c.text : renderText(c.doc));
    },
    async public(doc, opts) {
      return print(doc, opts);
    },
  };

  async function handle(line: string): Promise<void> {
    const text = line.trim();
    if (!text) return thread ? leaveThread() : undefined;
    if (text === '/exit') return leaveThread();
    if (text === 'help') return write(help());
    const ctx: CommandContext = {
      platform: 'console',
      workspaceId: 'local',
      channelId: CHANNEL,
      threadId: null,
      userId: 'operator',
      canManage: o.manager ?? true,
    };
    if (!text.startsWith('/')) {
      const m = { platform: 'console' as const, workspaceId: 'local', channelId: CHANNEL, userId: 'operator', text, mentionsBot: false, threadKeys: thread ? [thread] : [] };
      if (!(await conversation.message(m, replier))) {
        write('Start with a /command (type /help). Follow-up questions work after a /digest.');
      }
      return;
    }
    await conversation.line(text, ctx, replier);
    prompt();
  }

  return {
    platform: 'console',
    done,
    thread: () => thread,
    async start() {
      write(help());
      let isReady = !o.ready;
      chain = (o.ready ?? Promise.resolve()).then(() => void (isReady = true));
      rl = createInterface({ input: o.input, terminal: false, crlfDelay: Infinity });
      // Lines are answered one at a time, in order, even when piped in faster than answered.
      rl.on('line', (line) => {
        if (!isReady) {
          isReady = true; // say it once
          write('(reading the sources first; answering in a moment)');
        }
        chain = chain.then(() => handle(line)).catch((err: unknown) => {
          log.error({ err }, 'console command failed');
          write('Sorry, that failed unexpectedly; it has been logged.');
        });
      });
      rl.on('close', () => {
        void chain.then(() => {
          log.info('console input ended; still running until a signal');
          finish();
        });
      });
    },
    async post(where: ChannelRef, doc: Doc, opts: { startThread?: string } = {}): Promise<Posted> {
      return print(doc, opts, where.channelId);
    },
    async health() {},
    async stop() {
      rl?.close();
      await chain;
    },
  };
}
