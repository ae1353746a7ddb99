// Vitest global setup: gives every test file a Redis URL, starting a private loopback Redis
// with tools/redis/start.sh when REDIS_URL is not set, and stopping it afterwards.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { REDIS_TOOLS, TEST_REDIS_PORT } from '../helpers/redis-tools.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default function setup(project: TestProject): () => void {
  const given = process.env['REDIS_URL'];
  const started = given === undefined || given === '';
  const url = started
    ? execFileSync(REDIS_TOOLS.start, [String(TEST_REDIS_PORT)], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .at(-1)!
    : given;
  project.provide('redisUrl', url);
  return () => {
    if (started) execFileSync(REDIS_TOOLS.stop, [String(TEST_REDIS_PORT)], { stdio: 'inherit' });
  };
}
