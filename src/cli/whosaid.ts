// `newsbot whosaid <name|"phrase"> [--topic T] [--limit N] [--json]`: quotes by a speaker (newest
// first, with outlet, date and link) or who said a phrase, from the stored quote index.
// Words after the command are joined, so `newsbot whosaid emmanuel macron` works unquoted; a phrase
// needs its quotation marks to reach the program (`newsbot whosaid '"dead end"'`).
import { createLogger } from '../log.ts';
import { renderText } from '../render/text.ts';
import { whoSaidDoc } from '../render/whosaid-doc.ts';
import { whoSaid } from '../whosaid/query.ts';
import { UsageError, parseArgs, type CliCommand } from './types.ts';

const command: CliCommand = {
  name: 'whosaid',
  async run(args, io, root) {
    const { positional, flags, options } = parseArgs(args, { flags: ['json'], options: ['topic', 'limit'] });
    const query = positional.join(' ').trim();
    if (!query) throw new UsageError('give a name or a "phrase in quotes"');
    let limit: number | undefined;
    if (options.has('limit')) {
      limit = Number(options.get('limit'));
      if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new UsageError('--limit must be a whole number from 1 to 50');
    }
    const config = await root.config();
    const app = await root.app(createLogger(config.LOG_LEVEL));
    const result = await whoSaid(app.store, { query, topic: options.get('topic'), limit });
    io.stdout.write(flags.has('json') ? JSON.stringify(result, null, 2) + '\n' : renderText(whoSaidDoc(result)) + '\n');
    return 0;
  },
};

export default command;
