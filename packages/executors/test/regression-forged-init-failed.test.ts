// Regression found by the reliability suite: an `init-failed` message from a worker that was
// already running broke the whole pool. Only a starting worker may report its initializer.
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessPoolExecutor, ThreadPoolExecutor } from '@concur/executors';
import { forgeInitFailed } from './fixtures/forge-init-failed.mjs';
import { square } from './fixtures/echo.mjs';

const executors: (ThreadPoolExecutor | ProcessPoolExecutor)[] = [];
afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.shutdown()));
});

describe.each([
  ['ThreadPoolExecutor', () => new ThreadPoolExecutor({ maxWorkers: 1 })],
  ['ProcessPoolExecutor', () => new ProcessPoolExecutor({ maxWorkers: 1 })],
] as const)('%s and a late init-failed message', (_, make) => {
  it('keeps running and serving', async () => {
    const executor = make();
    executors.push(executor);
    expect(await executor.submit(forgeInitFailed)).toBe('real');
    expect(executor.state).toBe('running');
    expect(await executor.submit(square, 4)).toBe(16);
  });
});
