// What ThreadPoolExecutor and ProcessPoolExecutor share beyond the contract, with real
// workers: names, error origin, crashes, broken initializers, lazy start, aborts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrokenExecutorError, WorkerCrashedError, registerErrorClass } from '@concur/core';
import {
  BrokenProcessPool,
  BrokenThreadPool,
  ProcessPoolExecutor,
  ThreadPoolExecutor,
  type PoolExecutor,
} from '@concur/executors';
import { byteLength, returnFunction, square } from './fixtures/echo.mjs';
import { exitWith } from './fixtures/exit-with.mjs';
import { spinForever } from './fixtures/forever.mjs';
import { recall, remember } from './fixtures/remember.mjs';
import { sleep } from './fixtures/sleep.mjs';
import { QuotaError, throwQuota } from './fixtures/throw.mjs';
import { currentNames, whoAmI } from './fixtures/who-am-i.mjs';

registerErrorClass(QuotaError);

const kinds = [
  {
    kind: 'thread',
    create: (options: Record<string, unknown>) => new ThreadPoolExecutor(options),
    Broken: BrokenThreadPool,
    nameOf: (identity: { threadName: string }) => identity.threadName,
    prefix: /^ThreadPoolExecutor-\d+_\d+$/,
  },
  {
    kind: 'process',
    create: (options: Record<string, unknown>) => new ProcessPoolExecutor(options),
    Broken: BrokenProcessPool,
    nameOf: (identity: { processName: string }) => identity.processName,
    prefix: /^ProcessPoolExecutor-\d+_\d+$/,
  },
] as const;

describe.each(kinds)('$kind pool executor', ({ kind, create, Broken, nameOf, prefix }) => {
  const executors: PoolExecutor[] = [];
  const make = (options: Record<string, unknown> = {}) => {
    const executor = create({ maxWorkers: 2, ...options });
    executors.push(executor);
    return executor;
  };
  afterEach(async () => {
    const used = executors.splice(0);
    await Promise.all(used.map((e) => e.shutdown({ cancelFutures: true })));
    for (const executor of used) expect(executor.workerCount).toBe(0);
  });

  it('starts workers lazily, names them like Python, and stops them all at shutdown', async () => {
    const executor = make();
    expect(executor.workerCount).toBe(0);
    const identity = await executor.submit(whoAmI);
    expect(nameOf(identity as never)).toMatch(prefix);
    expect(executor.workerCount).toBe(1);
    await executor.shutdown();
    expect(executor.workerCount).toBe(0);
  });

  it('shows the worker names through currentThread() and currentProcess()', async () => {
    const executor = make({ maxWorkers: 1 });
    const names = (await executor.submit(currentNames)) as { thread: string; process: string };
    if (kind === 'thread') {
      expect(names.thread).toMatch(prefix);
      expect(names.process).toBe('MainProcess');
    } else {
      expect(names.process).toMatch(prefix);
      expect(names.thread).toBe('MainThread');
    }
  });

  it('keeps a registered error class and marks where the error came from', async () => {
    const executor = make();
    const error = await executor.submit(throwQuota, 9).exception();
    expect(error).toBeInstanceOf(QuotaError);
    expect((error as QuotaError).limit).toBe(9);
    expect((error as Error).stack).toMatch(new RegExp(`${kind} "${prefix.source.slice(1, -1)}"`));
  });

  it('fails exactly the task whose worker exits, replaces the worker, and completes the rest', async () => {
    const executor = make();
    const others = [1, 2, 3, 4].map((n) => executor.submit(sleep, 20, n));
    const crashed = executor.submit(exitWith, 3);
    const error = (await crashed.exception()) as WorkerCrashedError;
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect(error.exitCode).toBe(3);
    expect(error.taskName).toBe('exitWith');
    expect(error.workerName).toMatch(prefix);
    expect(error.message).toMatch(/^task `exitWith` failed: worker `.+` exited with code 3$/);
    expect(await Promise.all(others)).toEqual([1, 2, 3, 4]);
    expect(await executor.submit(square, 5)).toBe(25);
  });

  it('a failing initializer breaks the executor: pending futures fail, submit throws', async () => {
    const executor = make({ initializer: remember, initargs: ['fail'], maxWorkers: 1 });
    const futures = [1, 2, 3].map((n) => executor.submit(square, n));
    for (const future of futures) {
      const error = await future.exception();
      expect(error).toBeInstanceOf(Broken);
      expect(error).toBeInstanceOf(BrokenExecutorError);
      expect(((error as Error).cause as Error).message).toBe('initializer refused');
    }
    expect(executor.state).toBe('broken');
    expect(() => executor.submit(square, 1)).toThrow(Broken);
  });

  it('runs the initializer with its initargs in each worker', async () => {
    const executor = make({ initializer: remember, initargs: ['hello'] });
    expect(await executor.submit(recall)).toBe('hello');
  });

  it('terminates the worker of an aborted task that ignores its signal, and goes on', async () => {
    const executor = make({ maxWorkers: 1 });
    const controller = new AbortController();
    const stuck = executor.submitWith({ signal: controller.signal }, spinForever);
    await vi.waitFor(() => expect(stuck.running()).toBe(true), { timeout: 20_000, interval: 1 });
    controller.abort(new Error('enough'));
    await expect(stuck).rejects.toThrow('enough');
    expect(await executor.submit(square, 3)).toBe(9);
  });

  it('fails the future of an unsendable result and stays healthy', async () => {
    const executor = make({ maxWorkers: 1 });
    await expect(executor.submit(returnFunction)).rejects.toThrow(/cannot be sent back/);
    expect(await executor.submit(square, 4)).toBe(16);
  });

  it('transfers ArrayBuffers given in submitWith({ transfer })', async () => {
    const executor = make({ maxWorkers: 1 });
    const buffer = new ArrayBuffer(64);
    const future = executor.submitWith({ transfer: [buffer] }, byteLength, buffer);
    expect(await future).toBe(64);
    if (kind === 'thread') expect(buffer.byteLength).toBe(0);
  });

  it('uses map chunks (one message per chunk) and keeps order', async () => {
    const executor = make();
    const input = Array.from({ length: 1000 }, (_, i) => i);
    expect(await executor.map(square, input, { chunksize: 64 })).toEqual(input.map((n) => n * n));
    expect(await executor.map(square, input)).toEqual(input.map((n) => n * n));
  });

  it('rejects bad constructor options with the one message template', () => {
    expect(() => create({ maxWorkers: 0 })).toThrow(
      'Expected the `maxWorkers` option to be a positive integer, got `0` (number).',
    );
    expect(() => create({ initializer: () => 1 })).toThrow(/defineTask/);
    expect(() => create({ maxWorker: 2 })).toThrow('Did you mean `maxWorkers`?');
  });
});

describe('ThreadPoolExecutor only', () => {
  const executors: PoolExecutor[] = [];
  afterEach(async () => {
    await Promise.all(executors.splice(0).map((e) => e.shutdown({ cancelFutures: true })));
  });

  it('uses threadNamePrefix for thread names', async () => {
    const executor = new ThreadPoolExecutor({ maxWorkers: 1, threadNamePrefix: 'crunch' });
    executors.push(executor);
    expect(((await executor.submit(whoAmI)) as { threadName: string }).threadName).toBe('crunch_0');
  });

  it('fails the task of a thread that runs out of memory under resourceLimits, and recovers', async () => {
    const { exhaustMemory } = await import('./fixtures/exit-with.mjs');
    const executor = new ThreadPoolExecutor({
      maxWorkers: 1,
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
    });
    executors.push(executor);
    const error = await executor.submit(exhaustMemory).exception();
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect(String((error as Error).cause)).toMatch(/memory/i);
    expect(await executor.submit(square, 2)).toBe(4);
  });

  it('stops idle threads after idleTimeout and starts new ones on demand', async () => {
    const executor = new ThreadPoolExecutor({ maxWorkers: 1, idleTimeout: 20 });
    executors.push(executor);
    expect(await executor.submit(square, 2)).toBe(4);
    await vi.waitFor(() => expect(executor.workerCount).toBe(0), { timeout: 10_000 });
    expect(await executor.submit(square, 3)).toBe(9);
  });
});

describe('ProcessPoolExecutor only', () => {
  const executors: PoolExecutor[] = [];
  afterEach(async () => {
    await Promise.all(executors.splice(0).map((e) => e.shutdown({ cancelFutures: true })));
  });

  it('fails the task of a process killed by a signal with its signal', async () => {
    const { killSelf } = await import('./fixtures/exit-with.mjs');
    const executor = new ProcessPoolExecutor({ maxWorkers: 1 });
    executors.push(executor);
    const error = (await executor.submit(killSelf).exception()) as WorkerCrashedError;
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect(error.signal).toBe('SIGKILL');
    expect(error.message).toMatch(/was killed by SIGKILL$/);
    expect(await executor.submit(square, 2)).toBe(4);
  });

  it('replaces a process after maxTasksPerChild tasks', async () => {
    const executor = new ProcessPoolExecutor({ maxWorkers: 1, maxTasksPerChild: 2 });
    executors.push(executor);
    const pids = [];
    for (let i = 0; i < 4; i++) pids.push(((await executor.submit(whoAmI)) as { pid: number }).pid);
    expect(pids[0]).toBe(pids[1]);
    expect(pids[2]).toBe(pids[3]);
    expect(pids[1]).not.toBe(pids[2]);
  });

  it('refuses shared-memory arguments it cannot send to a process, naming the argument', async () => {
    const executor = new ProcessPoolExecutor({ maxWorkers: 1 });
    executors.push(executor);
    const future = executor.submit(square, (() => 1) as never);
    await expect(future).rejects.toThrow(/argument 1 of task `square` cannot be cloned/);
  });
});
