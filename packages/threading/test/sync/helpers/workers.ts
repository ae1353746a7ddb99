// Test helper: starts plain worker threads on a sync fixture, passing primitives the way
// Thread does (core's encodeRevivables), and terminates every one of them in afterEach.
import { encodeRevivables } from '@concur/core';
import { afterEach } from 'vitest';
import { Worker } from 'node:worker_threads';

const running = new Set<Worker>();

afterEach(async () => {
  await Promise.all([...running].map((worker) => worker.terminate()));
  running.clear();
});

/** Where a fixture of test/sync/fixtures lives. */
export const syncFixture = (name: string): URL => new URL(`../fixtures/${name}`, import.meta.url);

/**
 * Starts a worker on `fixture` with `args` (primitives allowed, also nested) and resolves
 * with the one message it posts; rejects when it throws or exits without posting.
 */
export function runWorker<T = unknown>(fixture: string, args: readonly unknown[]): Promise<T> {
  const { values } = encodeRevivables(args, 'thread');
  const worker = new Worker(syncFixture(fixture), { workerData: values });
  running.add(worker);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    worker.once('message', (message: T) => {
      settled = true;
      resolve(message);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      running.delete(worker);
      if (!settled) reject(new Error(`fixture ${fixture} exited with code ${code} before posting`));
    });
  });
}

/** Starts `count` workers on the same fixture; `argsFor(i)` builds worker i's arguments. */
export function runWorkers<T = unknown>(
  fixture: string,
  count: number,
  argsFor: (index: number) => readonly unknown[],
): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => runWorker<T>(fixture, argsFor(i))));
}
