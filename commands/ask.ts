// /ask question:<text> [since:<30d>] — a grounded answer with numbered citations. Inside a digest's
// thread (ctx.threadId linked to a digest in the store) it answers only from that digest's sources;
// elsewhere from the stored articles of a window (7 days unless `since` widens it).
import { z } from 'zod';
import { answerQuestion } from '../src/digest/answer.ts';
import { parseWindow } from '../src/digest/answer-window.ts';
import { answerDoc } from '../src/render/answer-doc.ts';
import type { Command } from './types.ts';
import type { CommandDeps } from './deps.ts';
import { present, usageError, userText } from './options.ts';

const USAGE = '/ask question:<text> [since:30d], e.g. /ask what did Kovalenko say about the port? since:30d';

const args = z.object({
  question: userText('question', 500),
  since: z
    .string()
    .optional()
    .transform((s, c) => {
      if (s === undefined) return undefined;
      const ms = parseWindow(s);
      if (ms === null) c.addIssue({ code: 'custom', message: 'since must be a window such as 24h, 7d, 30d or 2w (at most a year)' });
      return ms ?? undefined;
    }),
});

/** A trailing or leading "since:30d" in free text. */
const SINCE = /(?:^|\s)since:\s*(\S+)(?=\s|$)/i;

export const ask: Command<CommandDeps> = {
  name: 'ask',
  description: 'Ask a question; in a digest thread it is answered from that digest',
  manage: false,
  visibility: 'public',
  options: [
    { name: 'question', description: 'Your question', type: 'string', required: true, maxLength: 500 },
    { name: 'since', description: 'How far back to search outside a digest thread (default 7d), e.g. 30d', type: 'string', required: false, maxLength: 12 },
  ],
  parseText(text): Record<string, string> | { error: string } {
    const since = SINCE.exec(text)?.[1];
    const question = text.replace(SINCE, ' ').trim().replace(/^question:/i, '').trim();
    if (!question) return { error: `Ask something. Type: ${USAGE}` };
    return since ? { question, since } : { question };
  },
  async run(raw, ctx, deps) {
    const parsed = args.safeParse(present(raw));
    if (!parsed.success) return { kind: 'private', text: usageError(parsed.error, USAGE) };
    const digest = ctx.threadId ? await deps.store.digests.digestForThread(ctx.platform, ctx.threadId) : null;
    const now = deps.now();
    const { since } = parsed.data;
    const answer = await answerQuestion(deps.store, {
      question: parsed.data.question,
      ...(digest ? { digest, topic: digest.topic } : {}),
      ...(since !== undefined ? { since: new Date(now.getTime() - since) } : {}),
      model: deps.model,
      log: deps.log,
      now,
    });
    return { kind: 'doc', visibility: 'public', doc: answerDoc(answer) };
  },
};
