// The CLI's subcommands and what `newsbot --help` prints for each.
// Help is read from here, so it loads no subcommand (and none of their libraries).

/** `src/cli/<name>.ts` default-exports the CliCommand that runs `newsbot <name>`. */
export interface CliEntry {
  /** One-line usage, e.g. "newsbot ingest <feed-url|page-url|file|dir>…". */
  usage: string;
  summary: string;
}

export const CLI_COMMANDS: Record<string, CliEntry> = {
  start: {
    usage: 'newsbot start [--role all|bot|worker]',
    summary: 'run the bot (chat, scheduler and workers) until stopped',
  },
  ingest: {
    usage: 'newsbot ingest [<feed-url|page-url|file|dir>…] [--keep] [--force] [--fulltext auto|always|never] [--json]',
    summary: 'fetch and store articles (registered sources and NEWSBOT_FEEDS when none given)',
  },
  feed: {
    usage: 'newsbot feed <file|url>… [--json]',
    summary: 'parse feeds and print their items without storing',
  },
  sources: {
    usage: 'newsbot sources add <url|path>… [--kind feed|page|file] [--fulltext auto|always|never] | list [--json] | remove <id|url>…',
    summary: 'manage the feeds, pages, files and folders ingested on schedule',
  },
  articles: {
    usage: 'newsbot articles search <query> [--since 7d] [--limit 20] [--json]',
    summary: 'search stored articles',
  },
  quotes: {
    usage: 'newsbot quotes <file|url|-> [--json] | --jsonl [FILE|-]',
    summary: 'Quotes and their speakers in one article (or a JSONL batch)',
  },
  whosaid: {
    usage: 'newsbot whosaid <name|"phrase"> [--topic T] [--limit N] [--json]',
    summary: 'Quotes by a person, or who said a phrase',
  },
  summarise: {
    usage: 'newsbot summarise <file|url|-> [--offline] | --jsonl [FILE|-]',
    summary: 'Summarise an article (or a JSONL batch, offline)',
  },
  digest: {
    usage: 'newsbot digest <topic> [--since 24h|2022-01-01] [--until 2022-02-01] [--max N] [--json|--markdown]',
    summary: 'Digest of the stored news about a topic',
  },
  ask: {
    usage: 'newsbot ask "<question>" [--digest ID] [--since 30d] [--topic T] [--json]',
    summary: 'Answer a question from the stored sources, with citations',
  },
  usage: {
    usage: 'newsbot usage [--days 7] [--json]',
    summary: 'Model token usage per day and the daily budget',
  },
  jobs: {
    usage: 'newsbot jobs failed [--json] | retry <id|all>',
    summary: 'list failed background jobs, or run them again',
  },
  'register-commands': {
    usage: 'newsbot register-commands [--guild ID]',
    summary: 'Register the Discord slash commands (global, or to a guild)',
  },
};
