// Integration suites that need Redis or PostgreSQL run when the service answers and skip with a
// loud line when it does not. With REQUIRE_SERVICES=1 (CI) a missing service fails the run.
import net from 'node:net';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://newsbot:newsbot@127.0.0.1:5432/newsbot_test';

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function available(name: string, url: string, port: number): Promise<boolean> {
  const ok = await reachable(url, port);
  if (!ok) {
    if (process.env.REQUIRE_SERVICES === '1') {
      throw new Error(`${name} is required (REQUIRE_SERVICES=1) but ${url} is not reachable`);
    }
    console.warn(`\n!!! SKIPPING ${name} integration tests: ${url} is not reachable (set REQUIRE_SERVICES=1 to fail instead)\n`);
  }
  return ok;
}

export const redisAvailable = () => available('Redis', REDIS_URL, 6379);
export const postgresAvailable = () => available('PostgreSQL', DATABASE_URL, 5432);
