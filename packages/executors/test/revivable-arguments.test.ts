// Revivable arguments (threading's sync primitives) cross to worker threads through
// encodeRevivables, and are refused, naming the argument, on the way to a process.
import { afterEach, describe, expect, it } from 'vitest';
import { Lock } from '@concur/threading';
import { ProcessPoolExecutor, ThreadPoolExecutor } from '@concur/executors';
import { incrementShared } from './fixtures/increment-shared.mjs';

const executors: { shutdown(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(executors.splice(0).map((e) => e.shutdown()));
});

describe('revivable arguments', () => {
  it('rebuilds a Lock in each worker thread, so shared increments are never lost', async () => {
    const executor = new ThreadPoolExecutor({ maxWorkers: 2 });
    executors.push(executor);
    const lock = new Lock();
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const futures = [1, 2, 3, 4].map(() => executor.submit(incrementShared, lock, counter, 500));
    expect(await Promise.all(futures)).toEqual([500, 500, 500, 500]);
    expect(counter[0]).toBe(2000);
  });

  it('refuses a Lock for a child process, failing only that future with a clear error', async () => {
    const executor = new ProcessPoolExecutor({ maxWorkers: 1 });
    executors.push(executor);
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const future = executor.submit(incrementShared, new Lock(), counter, 1);
    await expect(future).rejects.toThrow(/argument 1 .*Shared memory does not cross processes/s);
  });
});
