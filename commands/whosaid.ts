// /whosaid who:<name or "phrase"> [topic:<text>] — a person's quotes, or who said a phrase.
// The query goes to the whosaid engine as typed: a query in double quotes is a phrase search,
// anything else a name (an ambiguous name comes back as a list of candidates, rendered by
// whoSaidDoc). Every quote shown is verbatim from its article, with outlet, date and link.
import { z } from 'zod';
import { whoSaid } from '../src/whosaid/query.ts';
import { whoSaidDoc } from '../src/render/whosaid-doc.ts';
import type { Command } from './types.ts';
import type { CommandDeps } from './deps.ts';
import { present, splitFreeText, usageError, userText } from './options.ts';

const USAGE = '/whosaid who:<name or "phrase"> [topic:<words>], e.g. /whosaid kovalenko or /whosaid "dead end"';

const args = z.object({
  who: userText('who', 200).refine((s) => s.replace(/["“”]/g, '').trim().length > 0, 'who is empty'),
  topic: userText('topic', 200).optional(),
});

export const whosaid: Command<CommandDeps> = {
  name: 'whosaid',
  description: 'Quotes by a person, or who said a phrase',
  manage: false,
  visibility: 'public',
  options: [
    { name: 'who', description: 'A name, or a "phrase" in double quotes', type: 'string', required: true, maxLength: 200 },
    { name: 'topic', description: 'Only quotes about this topic', type: 'string', required: false, maxLength: 200 },
  ],
  parseText(text): Record<string, string> | { error: string } {
    const { words, named } = splitFreeText(text, ['who', 'topic']);
    const who = named.who ?? words.join(' ');
    if (!who.trim()) return { error: `Say whose quotes, or which phrase. Type: ${USAGE}` };
    return named.topic ? { who, topic: named.topic } : { who };
  },
  async run(raw, _ctx, deps) {
    const parsed = args.safeParse(present(raw));
    if (!parsed.success) return { kind: 'private', text: usageError(parsed.error, USAGE) };
    const { who, topic } = parsed.data;
    const result = await whoSaid(deps.store, { query: who, ...(topic ? { topic } : {}), limit: 10 });
    return { kind: 'doc', visibility: 'public', doc: whoSaidDoc(result) };
  },
};
