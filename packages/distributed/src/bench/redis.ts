// Bench: finds Redis (REDIS_URL) or starts a private one with tools/redis/start.sh, and
// stops it again when the bench started it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The port of the bench's own Redis (tests use 6390 and 6391). */
export const BENCH_REDIS_PORT = 6392;

/** A Redis the bench can use, and how to let go of it. */
export interface BenchRedis {
  readonly url: string;
  /** Whether the bench started it (and stops it). */
  readonly started: boolean;
  stop(): void;
}

function findScript(name: string): string {
  // dist/bench/redis.js → <workspace>/tools/redis/<name>
  const path = fileURLToPath(new URL(`../../../../tools/redis/${name}`, import.meta.url));
  if (!existsSync(path)) {
    throw new Error(`Cannot find ${path}; set REDIS_URL to use an existing Redis instead.`);
  }
  return path;
}

/**
 * Uses `REDIS_URL` when set; otherwise starts a loopback Redis on BENCH_REDIS_PORT.
 * @throws Error when the start script fails (its output says why).
 */
export function ensureRedis(env: NodeJS.ProcessEnv = process.env): BenchRedis {
  const given = env['REDIS_URL'];
  if (given !== undefined && given !== '')
    return { url: given, started: false, stop: () => undefined };
  const output = execFileSync(findScript('start.sh'), [String(BENCH_REDIS_PORT)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = output.trim().split('\n').at(-1)!;
  return {
    url,
    started: true,
    stop: () =>
      execFileSync(findScript('stop.sh'), [String(BENCH_REDIS_PORT)], { stdio: 'inherit' }),
  };
}
