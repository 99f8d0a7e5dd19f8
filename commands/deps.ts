// What commands may use. Built once in src/app.ts and passed to every run().
import type { Config } from '../src/config.ts';
import type { Logger } from '../src/log.ts';
import type { TextModel } from '../src/llm/port.ts';
import type { JobQueue } from '../src/queue/port.ts';
import type { Store } from '../src/store/ports.ts';

export interface CommandDeps {
  config: Config;
  store: Store;
  model: TextModel | null;
  queue: Pick<JobQueue, 'enqueue'>;
  log: Logger;
  now: () => Date;
  /** Reconciles schedules after a subscription was added or removed. */
  onSubscriptionsChanged: () => Promise<void>;
}
