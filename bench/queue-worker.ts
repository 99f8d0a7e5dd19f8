// A BullMQ worker process for bench/queue.bench.ts: works QUEUE jobs of KIND with CONCURRENCY,
// prints "ready", and closes on SIGTERM.
import { createBullMqQueue } from '../src/adapters/bullmq/queue.ts';
import { createLogger } from '../src/log.ts';
import { doWork, type BenchKind } from './queue-work.ts';

const queue = createBullMqQueue({ redisUrl: process.env.REDIS_URL!, prefix: process.env.PREFIX!, log: createLogger('silent') });
const kind = (process.env.KIND ?? 'noop') as BenchKind;
queue.work(process.env.QUEUE!, async () => doWork(kind), { concurrency: Number(process.env.CONCURRENCY ?? 8), attempts: 1 });
process.on('SIGTERM', () => void queue.close(5000).then(() => process.exit(0)));
process.stdout.write('ready\n');
