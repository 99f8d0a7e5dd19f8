// `newsbot ask "<question>" [--digest ID] [--topic T] [--json]`: a grounded answer with numbered
// citations, from one saved digest's sources or from the last 7 days of stored articles.
import { openApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { answerQuestion } from '../digest/answer.ts';
import { answerDoc } from '../render/answer-doc.ts';
import { renderText } from '../render/text.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';

const command: CliCommand = {
  name: 'ask',
  usage: 'newsbot ask "<question>" [--digest ID] [--topic T] [--json]',
  summary: 'Answer a question from the stored sources, with citations',
  async run(args, io) {
    const { positional, flags, options } = parseArgs(args, { flags: ['json'], options: ['digest', 'topic'] });
    const question = positional.join(' ').trim();
    if (!question) throw new UsageError('ask a question, e.g. newsbot ask "what did the mayor say?"');
    if (question.length > 500) throw new UsageError('question is longer than 500 characters');
    const config = loadConfig(io.env);
    const log = createLogger(config.LOG_LEVEL);
    const app = await openApp(config, log);
    try {
      const digestId = options.get('digest');
      const digest = digestId ? await app.store.digests.get(digestId) : null;
      if (digestId && !digest) throw new UsageError(`no digest with id ${digestId}`);
      const topic = options.get('topic') ?? digest?.topic;
      const answer = await answerQuestion(app.store, { question, digest, ...(topic ? { topic } : {}), model: app.model, now: new Date() });
      io.stdout.write(flags.has('json') ? JSON.stringify(answer, null, 2) + '\n' : renderText(answerDoc(answer)));
      return 0;
    } finally {
      await app.close();
    }
  },
};

export default command;
