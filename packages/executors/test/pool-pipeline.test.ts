// Pipelining in the WorkerPool: short tasks go ahead to busy workers in one batch message,
// still run one at a time, and survive a crash of the worker holding them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrokenExecutorError, WorkerCrashedError, type WorkerRequest } from '@concur/core';
import {
  PIPELINE_DEPTH,
  ProcessPoolExecutor,
  ThreadPoolExecutor,
  WorkerPool,
  type Executor,
} from '@concur/executors';
import { exitWith } from './fixtures/exit-with.mjs';
import { square } from './fixtures/echo.mjs';
import { sleep } from './fixtures/sleep.mjs';
import { waitForAbort } from './fixtures/forever.mjs';
import { createFakeFactory } from './helpers/fake-worker-handle.js';

const pools: WorkerPool[] = [];
const executors: Executor[] = [];

function createPool(maxWorkers: number, maxTasksPerWorker = Infinity) {
  const fake = createFakeFactory();
  const pool = new WorkerPool({
    factory: fake.factory,
    kind: 'thread',
    maxWorkers,
    namePrefix: 'Fake',
    initializer: undefined,
    idleTimeoutMs: Infinity,
    maxTasksPerWorker,
    createBrokenError: (message, cause) => new BrokenExecutorError(message, { cause }),
  });
  pools.push(pool);
  return { pool, handles: fake.handles };
}

/** A request as the worker sees it: batches and columns flattened. */
interface SentRequest {
  readonly type: string;
  readonly args?: readonly unknown[];
  readonly queued?: true;
}

/** Every request sent, batches and columns flattened. */
const requestsIn = (sent: WorkerRequest[]): SentRequest[] =>
  sent.flatMap((m): SentRequest[] => {
    if (m.type === 'batch') return [...m.requests];
    if (m.type !== 'runs') return [m];
    return m.ids.map((_, i) => ({ type: 'run', args: m.argsList[i], queued: m.queued }));
  });
const queuedIn = (sent: WorkerRequest[]) => requestsIn(sent).filter((m) => m.queued === true);

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.shutdown(true, true)));
  await Promise.all(executors.splice(0).map((executor) => executor.shutdown()));
});

describe('WorkerPool pipelining', () => {
  it('sends short tasks ahead in one columnar message and keeps results in order', async () => {
    const { pool, handles } = createPool(1);
    expect(await pool.submit(square, [1], false, undefined)).toBe(1); // now known as quick
    const inputs = Array.from({ length: 200 }, (_, i) => i);
    const futures = inputs.map((n) => pool.submit(square, [n], false, undefined));
    expect(await Promise.all(futures)).toEqual(inputs.map((n) => n * n));
    const columns = handles[0]!.sent.filter((m) => m.type === 'runs');
    expect(columns.length).toBeGreaterThan(0);
    expect(columns.every((m) => m.ids.length < PIPELINE_DEPTH)).toBe(true);
    expect(queuedIn(handles[0]!.sent).length).toBeGreaterThan(100);
  });

  it('runs tasks sent ahead one at a time, after the running one', async () => {
    const { pool } = createPool(1);
    await pool.submit(square, [1], false, undefined);
    const order: string[] = [];
    // Run at once, the shorter sleeps behind would finish first.
    const futures = (
      [
        [15, 'a'],
        [5, 'b'],
        [1, 'c'],
      ] as const
    ).map(([ms, value]) => {
      const future = pool.submit(sleep, [ms, value], false, undefined);
      future.addDoneCallback(() => order.push(value));
      return future;
    });
    expect(await Promise.all(futures)).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('hands tasks sent ahead to a new worker when theirs crashes', async () => {
    const { pool, handles } = createPool(1);
    await pool.submit(square, [1], false, undefined);
    const stuck = pool.submit(waitForAbort, [], false, undefined);
    const behind = [2, 3, 4].map((n) => pool.submit(square, [n], false, undefined));
    await vi.waitFor(() => expect(queuedIn(handles[0]!.sent)).toHaveLength(3));
    handles[0]!.crash(3);
    expect(await stuck.exception()).toBeInstanceOf(WorkerCrashedError);
    expect(await Promise.all(behind)).toEqual([4, 9, 16]);
    expect(handles).toHaveLength(2);
  });

  it('never sends ahead past maxTasksPerWorker', async () => {
    const { pool, handles } = createPool(1, 3);
    await pool.submit(square, [1], false, undefined);
    const futures = [2, 3, 4, 5, 6].map((n) => pool.submit(square, [n], false, undefined));
    expect(await Promise.all(futures)).toEqual([4, 9, 16, 25, 36]);
    const runs = (sent: WorkerRequest[]) => requestsIn(sent).filter((m) => m.type === 'run');
    expect(handles.map((h) => runs(h.sent).length)).toEqual([3, 3]);
  });

  it.each([
    ['thread', () => new ThreadPoolExecutor({ maxWorkers: 1 })],
    ['process', () => new ProcessPoolExecutor({ maxWorkers: 1 })],
  ] as const)(
    'a %s worker that exits mid-burst fails only that task; the ones before and after succeed',
    async (_kind, create) => {
      const executor = create();
      executors.push(executor);
      // A few quick tasks first, so the worker is known as quick and gets tasks ahead.
      for (let n = 0; n < 5; n++) expect(await executor.submit(square, n)).toBe(n * n);
      const before = Array.from({ length: 40 }, (_, n) => executor.submit(square, n));
      const crash = executor.submit(exitWith, 3);
      const after = Array.from({ length: 40 }, (_, n) => executor.submit(square, n));
      expect(await crash.exception()).toBeInstanceOf(WorkerCrashedError);
      const squares = Array.from({ length: 40 }, (_, n) => n * n);
      expect(await Promise.all(before)).toEqual(squares);
      expect(await Promise.all(after)).toEqual(squares);
    },
  );
});
