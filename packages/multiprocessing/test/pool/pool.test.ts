// Pool: apply / map / imap / starmap on real children, crashes, recycling, initializers,
// lifecycle, unserializable arguments, and an idle pool that lets Node exit.
import { fileURLToPath } from 'node:url';
import {
  BrokenExecutorError,
  CancelledError,
  defineTask,
  InvalidStateError,
  TimeoutError,
  WorkerCrashedError,
} from '@concur/core';
import { AsyncResult, Pool } from '@concur/multiprocessing';
import { execa } from 'execa';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  crashOn,
  failInit,
  failOn,
  getGreeting,
  setGreeting,
  failOnThree,
  slowSquare,
  square,
  squareAfter,
  whoAmI,
} from '../fixtures/pool-tasks.mjs';
import { add } from '../fixtures/pool-tasks.mjs';

const pools: Pool[] = [];
function createPool(options: ConstructorParameters<typeof Pool>[0]): Pool {
  const pool = new Pool(options);
  pools.push(pool);
  return pool;
}
afterEach(async () => {
  for (const pool of pools.splice(0)) {
    pool.terminate();
    await pool.join();
  }
});

describe('Pool', () => {
  it('applies, maps and starmaps in workers, in order', async () => {
    const pool = createPool({ processes: 2 });
    expect(await pool.apply(square, [7])).toBe(49);
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(await pool.map(square, items)).toEqual(items.map((n) => n * n));
    expect(await pool.map(square, items, 7)).toEqual(items.map((n) => n * n));
    expect(await pool.map(square, [])).toEqual([]);
    expect(
      await pool.starmap(add, [
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([3, 7]);
    const who = await pool.apply(whoAmI);
    expect(who.pid).not.toBe(process.pid);
    expect(who.name).toMatch(/^SpawnPoolWorker-\d+$/);
  });

  it('applyAsync returns an AsyncResult with get, wait, ready, successful and callbacks', async () => {
    const pool = createPool({ processes: 1 });
    const seen: unknown[] = [];
    const result = pool.applyAsync(slowSquare, [3, 50], { callback: (v) => seen.push(v) });
    expect(result).toBeInstanceOf(AsyncResult);
    expect(result.ready()).toBe(false);
    expect(() => result.successful()).toThrow(InvalidStateError);
    await expect(result.get(1)).rejects.toBeInstanceOf(TimeoutError);
    await result.wait();
    expect(result.ready()).toBe(true);
    expect(result.successful()).toBe(true);
    expect(await result.get()).toBe(9);
    expect(seen).toEqual([9]);

    const errors: unknown[] = [];
    const failed = pool.applyAsync(failOn, [2, 2], { errorCallback: (e) => errors.push(e) });
    await failed.wait();
    expect(failed.successful()).toBe(false);
    await expect(failed.get()).rejects.toThrow(RangeError);
    expect(errors).toHaveLength(1);
  });

  it('rejects map with the first failure, keeping the error class', async () => {
    const pool = createPool({ processes: 2 });
    const failure = pool.starmap(failOn, [
      [1, 5],
      [5, 5],
      [2, 5],
    ]);
    await expect(failure).rejects.toBeInstanceOf(RangeError);
    await expect(failure).rejects.toThrow('item 5 is bad');
    await expect(pool.map(failOnThree, [1, 2, 3, 4], 1)).rejects.toThrow('three is bad');
  });

  it('imap yields in order and imapUnordered as results complete', async () => {
    const pool = createPool({ processes: 2 });
    const ordered: number[] = [];
    for await (const value of pool.imap(square, [1, 2, 3, 4, 5], 2)) ordered.push(value);
    expect(ordered).toEqual([1, 4, 9, 16, 25]);

    // Item 1 sleeps far longer than the others take, so it completes last.
    const unordered: number[] = [];
    const items = [
      { n: 1, ms: 1_000 },
      { n: 2, ms: 1 },
      { n: 3, ms: 1 },
    ];
    for await (const value of pool.imapUnordered(squareAfter, items)) unordered.push(value);
    expect(unordered).toHaveLength(3);
    expect(unordered[0]).not.toBe(1);
    expect([...unordered].sort((a, b) => a - b)).toEqual([1, 4, 9]);
  });

  it('throws from imap when the failing item is reached', async () => {
    const pool = createPool({ processes: 2 });
    const seen: number[] = [];
    const iterate = async () => {
      for await (const value of pool.imap(failOnThree, [1, 2, 3, 4])) seen.push(value);
    };
    await expect(iterate()).rejects.toThrow('three is bad');
    expect(seen).toEqual([1, 2]);
  });

  it('fails only the task whose worker crashed, with WorkerCrashedError, and replaces it', async () => {
    const pool = createPool({ processes: 2 });
    const crashed = pool.starmap(crashOn, [[1, 1]]);
    await expect(crashed).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(crashed).rejects.toMatchObject({ exitCode: 3, taskName: 'crashOn' });
    expect(await pool.map(square, [1, 2, 3, 4])).toEqual([1, 4, 9, 16]);
    expect(pool.pids).toHaveLength(2);
  });

  it('recycles workers after maxTasksPerChild tasks', async () => {
    const pool = createPool({ processes: 1, maxTasksPerChild: 2 });
    const pids = new Set<number>();
    for (let i = 0; i < 6; i++) pids.add((await pool.apply(whoAmI)).pid);
    expect(pids.size).toBe(3);
  });

  it('runs the initializer in each worker before its tasks', async () => {
    const pool = createPool({ processes: 2, initializer: setGreeting, initargs: ['hello'] });
    expect(await pool.map(getGreeting as never, [1, 2, 3, 4] as never)).toEqual([
      'hello',
      'hello',
      'hello',
      'hello',
    ]);
  });

  it('breaks with BrokenExecutorError when the initializer throws', async () => {
    const pool = createPool({ processes: 1, initializer: failInit });
    await expect(pool.apply(square, [2])).rejects.toBeInstanceOf(BrokenExecutorError);
    await expect(pool.apply(square, [2])).rejects.toThrow(/initializer refused/);
  });

  it('breaks instead of respawning forever when workers die before they are ready', async () => {
    const pool = createPool({ processes: 1, execArgv: ['--no-such-node-flag'] });
    const failure = pool.apply(square, [2]);
    await expect(failure).rejects.toBeInstanceOf(BrokenExecutorError);
    await expect(failure).rejects.toThrow(/3 workers in a row exited before they were ready/);
  });

  it('gives a clear error naming an unserializable argument', async () => {
    const pool = createPool({ processes: 1 });
    await expect(pool.map(square as never, [1, () => 2] as never)).rejects.toThrow(
      /Cannot send argument 1 of item 2 of the iterable \(task `square`\) to a pool worker: .*could not be cloned/,
    );
    expect(await pool.apply(square, [5])).toBe(25);
  });

  it('close() finishes the queued work, then join() waits for the workers', async () => {
    const pool = createPool({ processes: 2 });
    const pending = pool.starmap(slowSquare, [
      [1, 20],
      [2, 20],
      [3, 20],
    ]);
    const started = pool.apply(slowSquare, [4, 20]);
    pool.close();
    expect(() => pool.applyAsync(square, [1])).toThrow(InvalidStateError);
    await expect(pool.apply(square, [1])).rejects.toThrow(/the pool is closed/);
    await pool.join();
    expect(await pending).toEqual([1, 4, 9]);
    expect(await started).toBe(16);
    expect(pool.pids).toEqual([]);
  });

  it('terminate() cancels unfinished work; join() needs close or terminate first', async () => {
    const pool = createPool({ processes: 1 });
    await expect(pool.join()).rejects.toBeInstanceOf(InvalidStateError);
    const busy = pool.starmap(slowSquare, [[1, 60_000]]).catch((error: unknown) => error);
    const queued = pool.apply(square, [2]).catch((error: unknown) => error);
    pool.terminate();
    await pool.join();
    expect(await busy).toBeInstanceOf(CancelledError);
    expect(await queued).toBeInstanceOf(CancelledError);
  });

  it('is disposed by `await using`', async () => {
    let pids: number[] = [];
    {
      await using pool = new Pool({ processes: 1 });
      expect(await pool.apply(square, [3])).toBe(9);
      pids = pool.pids;
    }
    expect(pids).toHaveLength(1);
    expect(() => process.kill(pids[0]!, 0)).toThrow();
  });

  it('validates options', () => {
    expect(() => new Pool({ processes: 0 })).toThrow(
      'Expected the `processes` option to be a positive integer, got `0` (number).',
    );
    expect(() => new Pool({ maxTaskPerChild: 1 } as never)).toThrow(
      /Did you mean `maxTasksPerChild`/,
    );
  });

  it('types arguments and results from the task', () => {
    const _typed = defineTask(import.meta.url, (n: number, label: string) => `${label}${n}`);
    expectTypeOf(Pool.prototype.map<typeof _typed>).returns.toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(Pool.prototype.map<typeof _typed>)
      .parameter(1)
      .toEqualTypeOf<Iterable<number>>();
    expectTypeOf(Pool.prototype.apply<typeof _typed>)
      .parameter(1)
      .toEqualTypeOf<[n: number, label: string] | undefined>();
  });

  it('lets Node exit while an unclosed pool is idle', async () => {
    const script = fileURLToPath(new URL('../fixtures/pool-idle.mjs', import.meta.url));
    const result = await execa('node', [script], {
      reject: false,
      timeout: 20_000,
      env: { FORCE_COLOR: '0' }, // Nx runs tasks with FORCE_COLOR set; plain lines are compared
    });
    expect(result.timedOut).toBe(false);
    expect(result.stdout).toBe('[ 1, 4, 9 ]');
  });
});
