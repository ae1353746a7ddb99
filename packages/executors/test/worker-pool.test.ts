// The WorkerPool against an in-memory WorkerHandle: dispatch, lazy start, referencing,
// crash replacement, breaking, retirement and shutdown, counted rather than timed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrokenExecutorError, InvalidStateError, WorkerCrashedError } from '@concur/core';
import { ABORT_GRACE_MS, WorkerPool, type WorkerPoolOptions } from '@concur/executors';
import { square } from './fixtures/echo.mjs';
import { sleep } from './fixtures/sleep.mjs';
import { waitForAbort } from './fixtures/forever.mjs';
import { createFakeFactory } from './helpers/fake-worker-handle.js';

const pools: WorkerPool[] = [];

function createPool(options: Partial<WorkerPoolOptions> = {}) {
  const fake = createFakeFactory();
  const pool = new WorkerPool({
    factory: fake.factory,
    kind: 'thread',
    maxWorkers: 2,
    namePrefix: 'Fake',
    initializer: undefined,
    idleTimeoutMs: Infinity,
    maxTasksPerWorker: Infinity,
    createBrokenError: (message, cause) => new BrokenExecutorError(message, { cause }),
    ...options,
  });
  pools.push(pool);
  return { pool, handles: fake.handles };
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.shutdown(true, true)));
});

describe('WorkerPool', () => {
  it('starts workers only on demand, up to maxWorkers, named prefix_index', async () => {
    const { pool, handles } = createPool({ maxWorkers: 2 });
    expect(handles).toHaveLength(0);
    expect(await pool.submit(square, [3], false, undefined)).toBe(9);
    expect(handles.map((h) => h.name)).toEqual(['Fake_0']);
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => pool.submit(sleep, [2, n], false, undefined)),
    );
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(handles.length).toBeLessThanOrEqual(2);
  });

  it('gives each worker one task at a time and coalesces dispatch per tick', async () => {
    const { pool, handles } = createPool({ maxWorkers: 1 });
    const futures = [1, 2, 3].map((n) => pool.submit(square, [n], false, undefined));
    expect(futures.map((f) => f.state)).toEqual(['pending', 'pending', 'pending']);
    expect(await Promise.all(futures)).toEqual([1, 4, 9]);
    const runs = handles[0]!.sent.filter((m) => m.type === 'run');
    expect(runs.map((m) => (m as unknown as { args: number[] }).args[0])).toEqual([1, 2, 3]);
  });

  it('refs a worker while it has work and unrefs it when idle', async () => {
    const { pool, handles } = createPool({ maxWorkers: 1 });
    await pool.submit(square, [2], false, undefined);
    await pool.submit(square, [3], false, undefined);
    expect(handles[0]!.references).toEqual([true, false, true, false]);
  });

  it('fails only the running task when its worker crashes, and replaces the worker', async () => {
    const { pool, handles } = createPool({ maxWorkers: 1 });
    const stuck = pool.submit(waitForAbort, [], false, undefined);
    const queued = pool.submit(square, [4], false, undefined);
    await vi.waitFor(() => expect(stuck.running()).toBe(true));
    handles[0]!.crash(7);
    const error = (await stuck.exception()) as WorkerCrashedError;
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect(error.exitCode).toBe(7);
    expect(error.workerName).toBe('Fake_0');
    expect(await queued).toBe(16);
    expect(handles.map((h) => h.name)).toEqual(['Fake_0', 'Fake_1']);
  });

  it('kills the worker of an aborted task that does not settle within the grace period', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { pool, handles } = createPool({ maxWorkers: 1 });
      const controller = new AbortController();
      // The fake runs tasks on this thread, so a task that ignores its signal is simulated by
      // one that never settles: the pool cannot tell the difference.
      const never = pool.submit(sleep, [1e9], false, { signal: controller.signal });
      await vi.waitFor(() => expect(never.running()).toBe(true));
      controller.abort(new Error('stop'));
      await expect(never).rejects.toThrow('stop');
      expect(handles[0]!.sent.at(-1)).toEqual({ type: 'abort', id: expect.any(Number) });
      expect(handles[0]!.state).not.toBe('stopped');
      vi.advanceTimersByTime(ABORT_GRACE_MS);
      expect(handles[0]!.state).toBe('stopped');
    } finally {
      vi.useRealTimers();
    }
  });

  it('breaks when a worker exits before it is ready, failing queued work', async () => {
    const { pool, handles } = createPool({ maxWorkers: 1 });
    const future = pool.submit(square, [2], false, undefined);
    // Dispatch runs in a microtask queued by submit; the worker's `ready` needs a macrotask.
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(handles).toHaveLength(1);
    handles[0]!.crash(1);
    await expect(future).rejects.toBeInstanceOf(BrokenExecutorError);
    expect(pool.state).toBe('broken');
    expect(() => pool.submit(square, [1], false, undefined)).toThrow(BrokenExecutorError);
  });

  it('retires a worker after maxTasksPerWorker tasks', async () => {
    const { pool, handles } = createPool({ maxWorkers: 1, maxTasksPerWorker: 2 });
    for (let n = 0; n < 5; n++) await pool.submit(square, [n], false, undefined);
    expect(handles.map((h) => h.name)).toEqual(['Fake_0', 'Fake_1', 'Fake_2']);
  });

  it('shuts down: refuses work, stops every worker, and resolves when they exited', async () => {
    const { pool, handles } = createPool({ maxWorkers: 2 });
    await Promise.all([1, 2].map((n) => pool.submit(sleep, [5, n], false, undefined)));
    await pool.shutdown(true, false);
    expect(pool.state).toBe('shutdown');
    expect(pool.workerCount).toBe(0);
    expect(handles.every((h) => h.state === 'stopped')).toBe(true);
    expect(() => pool.submit(square, [1], false, undefined)).toThrow(InvalidStateError);
  });
});
