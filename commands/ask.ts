// /ask question:<text> — a grounded answer with numbered citations. Inside a digest's thread
// (ctx.threadId linked to a digest in the store) it answers only from that digest's sources;
// elsewhere from the stored articles at large.
import { z } from 'zod';
import { answerQuestion } from '../src/digest/answer.ts';
import { answerDoc } from '../src/render/answer-doc.ts';
import type { Command } from './types.ts';
import type { CommandDeps } from './deps.ts';
import { present, usageError, userText } from './options.ts';

const USAGE = '/ask question:<text>, e.g. /ask what did Kovalenko say about the port?';

const args = z.object({ question: userText('question', 500) });

export const ask: Command<CommandDeps> = {
  name: 'ask',
  description: 'Ask a question; in a digest thread it is answered from that digest',
  manage: false,
  visibility: 'public',
  options: [{ name: 'question', description: 'Your question', type: 'string', required: true, maxLength: 500 }],
  parseText(text): Record<string, string> | { error: string } {
    const question = text.trim().replace(/^question:/i, '').trim();
    if (!question) return { error: `Ask something. Type: ${USAGE}` };
    return { question };
  },
  async run(raw, ctx, deps) {
    const parsed = args.safeParse(present(raw));
    if (!parsed.success) return { kind: 'private', text: usageError(parsed.error, USAGE) };
    const digest = ctx.threadId ? await deps.store.digests.digestForThread(ctx.platform, ctx.threadId) : null;
    const answer = await answerQuestion(deps.store, {
      question: parsed.data.question,
      ...(digest ? { digest, topic: digest.topic } : {}),
      model: deps.model,
      now: deps.now(),
    });
    return { kind: 'doc', visibility: 'public', doc: answerDoc(answer) };
  },
};
