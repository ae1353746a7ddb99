// The Executor contract as ONE parameterised suite: every executor (thread pool, process
// pool, event loop, and later distributed ones) must pass it unchanged.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CancelledError, InvalidStateError, TimeoutError } from '@concur/core';
import {
  ALL_COMPLETED,
  FIRST_COMPLETED,
  asCompleted,
  wait,
  type CompletedFuture,
  type Executor,
  type Future,
} from '@concur/executors';
import { add, echo, square } from '../fixtures/echo.mjs';
import { sleep, slowSquare } from '../fixtures/sleep.mjs';
import { QuotaError, failOdd, throwQuota } from '../fixtures/throw.mjs';
import { waitForAbort } from '../fixtures/forever.mjs';

/** Waits (polling every millisecond) until a future's task is running in a worker. */
const untilRunning = (future: Future<unknown>) =>
  vi.waitFor(() => expect(future.state).toBe('running'), { timeout: 20_000, interval: 1 });

/** What the suite needs to know about the executor under test. */
export interface ExecutorContractOptions {
  /** Whether arguments and results cross a thread/process boundary (cloned, not shared). */
  readonly crossesBoundary: boolean;
}

/** Makes an executor running at most `maxWorkers` tasks at once. */
export type CreateExecutor = (options: { maxWorkers: number }) => Executor<any>;

/**
 * Registers the contract tests for one executor. Each test creates its executors through
 * `createExecutor` and the suite shuts them all down afterwards.
 */
export function describeExecutorContract(
  name: string,
  createExecutor: CreateExecutor,
  options: ExecutorContractOptions,
): void {
  describe(`${name} honours the Executor contract`, () => {
    const created: Executor<any>[] = [];
    const make = (maxWorkers = 2) => {
      const executor = createExecutor({ maxWorkers });
      created.push(executor);
      return executor;
    };
    afterEach(async () => {
      await Promise.all(created.splice(0).map((e) => e.shutdown({ cancelFutures: true })));
    });

    it('submit returns an awaitable future with the result', async () => {
      const executor = make();
      const future = executor.submit(add, 2, 3);
      expect(await future).toBe(5);
      expect(future.state).toBe('finished');
      expect(await executor.submit(echo, { a: [1, 2], when: new Date(7) })).toEqual({
        a: [1, 2],
        when: new Date(7),
      });
    });

    it('keeps the error class, message, code, cause and own properties', async () => {
      const executor = make();
      const error = (await executor.submit(throwQuota, 3).exception()) as QuotaError & {
        code: string;
      };
      expect(error.name).toBe('Error');
      expect(error.message).toBe('over quota 3');
      expect(error.code).toBe('E_QUOTA');
      expect(error.limit).toBe(3);
      expect(error.cause).toBeInstanceOf(RangeError);
      expect(error.stack).toContain('throwQuota');
      await expect(executor.submit(failOdd, 1)).rejects.toBeInstanceOf(RangeError);
    });

    it('runs at most maxWorkers tasks at once', async () => {
      const executor = make(2);
      const started = performance.now();
      const results = await Promise.all([1, 2, 3, 4].map((n) => executor.submit(sleep, 40, n)));
      expect(results).toEqual([1, 2, 3, 4]);
      // Four 40 ms tasks on two workers need two rounds: at least ~80 ms.
      expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    });

    it('map gives results in input order, awaited or iterated', async () => {
      const executor = make();
      expect(await executor.map(square, [1, 2, 3])).toEqual([1, 4, 9]);
      const seen: number[] = [];
      for await (const value of executor.map(slowSquare, [4, 3, 2, 1])) seen.push(value);
      expect(seen).toEqual([16, 9, 4, 1]);
      expect(await executor.map(square, [])).toEqual([]);
    });

    it('map reads sync and async iterables, with and without chunks', async () => {
      const executor = make();
      function* numbers() {
        for (let i = 0; i < 25; i++) yield i;
      }
      async function* later() {
        for (let i = 0; i < 25; i++) {
          if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
          yield i;
        }
      }
      const squares = Array.from({ length: 25 }, (_, i) => i * i);
      expect(await executor.map(square, numbers())).toEqual(squares);
      expect(await executor.map(square, later())).toEqual(squares);
      expect(await executor.map(square, numbers(), { chunksize: 4 })).toEqual(squares);
      expect(await executor.map(square, later(), { chunksize: 7 })).toEqual(squares);
      expect(
        await executor.starmap(add, [
          [1, 2],
          [3, 4],
        ] as [number, number][]),
      ).toEqual([3, 7]);
    });

    it('map over an endless iterable keeps a bounded window and stops on break', async () => {
      const executor = make();
      let pulled = 0;
      function* endless() {
        for (;;) yield pulled++;
      }
      const results: number[] = [];
      for await (const value of executor.map(square, endless())) {
        results.push(value);
        if (results.length === 30) break;
      }
      expect(results).toEqual(Array.from({ length: 30 }, (_, i) => i * i));
      expect(pulled).toBeLessThan(30 + 1100);
    });

    it('map raises the first error in order and cancels what has not started', async () => {
      const executor = make(1);
      const iterate = async () => {
        const seen: number[] = [];
        for await (const value of executor.map(failOdd, [0, 2, 3, 4])) seen.push(value);
        return seen;
      };
      await expect(iterate()).rejects.toThrow('odd 3');
    });

    it('map times out measured from the call', async () => {
      const executor = make(1);
      await expect(executor.map(sleep, [5, 600], { timeout: 200 })).rejects.toBeInstanceOf(
        TimeoutError,
      );
    });

    it('submit after shutdown throws at once, and shutdown is idempotent', async () => {
      const executor = make();
      expect(await executor.submit(square, 3)).toBe(9);
      await executor.shutdown();
      await executor.shutdown();
      await executor.shutdown({ wait: false });
      expect(executor.state).toBe('shutdown');
      expect(() => executor.submit(square, 2)).toThrow(InvalidStateError);
      expect(() => executor.submit(square, 2)).toThrow(
        'cannot schedule new futures after shutdown',
      );
    });

    it('shutdown waits for pending work; cancelFutures cancels what has not started', async () => {
      const executor = make(1);
      const running = executor.submit(sleep, 300, 'ran');
      const queued = [1, 2, 3].map((n) => executor.submit(sleep, 1, n));
      await untilRunning(running);
      await executor.shutdown({ cancelFutures: true });
      expect(await running).toBe('ran');
      for (const future of queued) {
        expect(future.cancelled()).toBe(true);
        await expect(future.result()).rejects.toBeInstanceOf(CancelledError);
      }
    });

    it('shutdown without cancelFutures still runs everything submitted', async () => {
      const executor = make(1);
      const futures = [1, 2, 3].map((n) => executor.submit(sleep, 5, n));
      await executor.shutdown({ wait: false });
      expect(() => executor.submit(square, 1)).toThrow(InvalidStateError);
      expect(await Promise.all(futures)).toEqual([1, 2, 3]);
    });

    it('a map over an array still completes when shutdown comes first', async () => {
      const executor = make(1);
      const results = executor.map(
        square,
        Array.from({ length: 100 }, (_, i) => i),
        {
          chunksize: 1,
        },
      );
      await executor.shutdown();
      expect((await results).length).toBe(100);
    });

    it('cancel() works before a task starts and not after', async () => {
      const executor = make(1);
      const first = executor.submit(sleep, 300, 'first');
      const second = executor.submit(sleep, 1, 'second');
      expect(second.cancel()).toBe(true);
      await untilRunning(first);
      expect(first.running()).toBe(true);
      expect(first.cancel()).toBe(false);
      expect(await first).toBe('first');
      expect(second.cancelled()).toBe(true);
    });

    it('await using shuts the executor down at scope end', async () => {
      let escaped: Executor<any> | undefined;
      {
        await using executor = make();
        escaped = executor;
        expect(await executor.submit(square, 5)).toBe(25);
      }
      expect(escaped.state).toBe('shutdown');
    });

    it('submitWith: an aborted signal cancels a pending task and stops a running one', async () => {
      const executor = make(1);
      const controller = new AbortController();
      const running = executor.submitWith({ signal: controller.signal }, waitForAbort);
      const pending = executor.submitWith({ signal: controller.signal }, square, 2);
      await untilRunning(running);
      controller.abort(new Error('stop now'));
      await expect(running).rejects.toThrow('stop now');
      expect(pending.cancelled()).toBe(true);
      expect(await executor.submit(square, 6)).toBe(36);
      const aborted = AbortSignal.abort();
      expect(executor.submitWith({ signal: aborted }, square, 1).cancelled()).toBe(true);
    });

    it('submitWith: a timeout fails a task that runs too long, and the executor goes on', async () => {
      const executor = make(1);
      const slow = executor.submitWith({ timeout: 20 }, waitForAbort);
      await expect(slow).rejects.toBeInstanceOf(TimeoutError);
      expect(await executor.submitWith({ timeout: 5_000 }, square, 7)).toBe(49);
    });

    it('rejects bad options with the one message template', () => {
      const executor = make();
      expect(() => executor.submitWith({ timeout: -5 }, square, 1)).toThrow(
        'Expected the `timeout` option to be a non-negative number of milliseconds or Infinity, got `-5` (number).',
      );
      expect(() => executor.map(square, [1], { chunksize: 0 })).toThrow(
        'Expected the `chunksize` option to be a positive integer, got `0` (number).',
      );
      expect(() => executor.submitWith({ signall: 1 } as never, square, 1)).toThrow(
        'Did you mean `signal`?',
      );
    });

    it('works with wait() and asCompleted()', async () => {
      const executor = make(2);
      const fast = executor.submit(sleep, 1, 'fast');
      const slow = executor.submit(sleep, 60, 'slow');
      const first = await wait([fast, slow], { returnWhen: FIRST_COMPLETED });
      expect(first.done.has(fast)).toBe(true);
      const order: CompletedFuture<unknown>[] = [];
      for await (const future of asCompleted([slow, fast])) order.push(future);
      expect(order).toEqual([fast, slow]);
      const all = await wait([fast, slow], { returnWhen: ALL_COMPLETED });
      expect(all.notDone.size).toBe(0);
    });

    if (options.crossesBoundary) {
      it('fails only that future when an argument cannot be cloned, naming it', async () => {
        const executor = make(1);
        const future = executor.submit(add, 1, (() => 2) as never);
        await expect(future).rejects.toThrow(/^argument 2 of task `add` cannot be cloned: /);
        expect(await executor.submit(add, 1, 2)).toBe(3);
      });
    } else {
      it('passes arguments by reference on this thread', async () => {
        const executor = make(1);
        const value = { shared: true };
        expect(await executor.submit(echo, value)).toBe(value);
      });
    }
  });
}
