// `newsbot ask "<question>" [--digest ID] [--since 30d] [--topic T] [--json]`: a grounded answer
// with numbered citations, from one saved digest's sources or from the stored articles of a window
// (the last 7 days unless --since widens it).
import { createLogger } from '../log.ts';
import { answerQuestion } from '../digest/answer.ts';
import { parseWindow } from '../digest/answer-window.ts';
import { answerDoc } from '../render/answer-doc.ts';
import { renderText } from '../render/text.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';

const command: CliCommand = {
  name: 'ask',
  async run(args, io, root) {
    const { positional, flags, options } = parseArgs(args, { flags: ['json'], options: ['digest', 'topic', 'since'] });
    const question = positional.join(' ').trim();
    if (!question) throw new UsageError('ask a question, e.g. newsbot ask "what did the mayor say?"');
    if (question.length > 500) throw new UsageError('question is longer than 500 characters');
    const sinceText = options.get('since');
    const windowMs = sinceText === undefined ? null : parseWindow(sinceText);
    if (sinceText !== undefined && windowMs === null) throw new UsageError(`bad window '${sinceText}': use a number and h, d or w (e.g. 24h, 7d, 30d), at most a year`);
    const config = await root.config();
    const log = createLogger(config.LOG_LEVEL);
    const app = await root.app(log);
    const digestId = options.get('digest');
    const digest = digestId ? await app.store.digests.get(digestId) : null;
    if (digestId && !digest) throw new UsageError(`no digest with id ${digestId}`);
    const topic = options.get('topic') ?? digest?.topic;
    const now = new Date();
    const since = windowMs === null ? {} : { since: new Date(now.getTime() - windowMs) };
    const answer = await answerQuestion(app.store, { question, digest, ...(topic ? { topic } : {}), ...since, model: app.model, log, now });
    io.stdout.write(flags.has('json') ? JSON.stringify(answer, null, 2) + '\n' : renderText(answerDoc(answer)));
    return 0;
  },
};

export default command;
