// Options are read as own properties only: a polluted Object.prototype (valid but harmful
// values under every option name) changes nothing about executors, tasks, threads or pools.
import { afterEach, describe, expect, it } from 'vitest';
import {
  EventLoopExecutor,
  ProcessPoolExecutor,
  ThreadPoolExecutor,
  getUsableCpuCount,
  type Executor,
} from '@concur/executors';
import { Thread } from '@concur/threading';
import { Pool } from '@concur/multiprocessing';
import { recordFigure } from '../../src/figures/record-figure.js';
import { initThrow } from '../fixtures/init-crash.mjs';
import { echo } from '../fixtures/echo.mjs';
import { sleep } from '../fixtures/sleep.mjs';

/**
 * Valid but harmful values under every option name of ours, so reading any of them from the
 * prototype would show. Names that Node's and execa's own option objects read too (`name`,
 * `signal`, `timeout`, `env`, `args`, `cwd`…) are left out: Node itself reads those from the
 * prototype, so no library on top of it can be immune to them.
 */
const POLLUTION: Record<string, unknown> = {
  maxWorkers: 7,
  maxConcurrency: 1,
  maxTasksPerChild: 1,
  processes: 7,
  threadNamePrefix: 'Polluted',
  daemon: true,
  initializer: initThrow,
  initargs: ['polluted initializer ran'],
  idleTimeout: 1,
  chunksize: 1_000_000,
  cancelFutures: true,
  target: echo,
};

function pollute(): void {
  for (const [key, value] of Object.entries(POLLUTION)) {
    Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true });
  }
}

function clean(): void {
  for (const key of Object.keys(POLLUTION)) delete (Object.prototype as any)[key];
}

const open: { shutdown(): Promise<void> }[] = [];
afterEach(async () => {
  clean();
  await Promise.all(open.splice(0).map((executor) => executor.shutdown()));
});

describe('a polluted Object.prototype', () => {
  it.each([
    ['ThreadPoolExecutor', (): Executor => new ThreadPoolExecutor({})],
    ['ProcessPoolExecutor', (): Executor => new ProcessPoolExecutor({})],
    ['EventLoopExecutor', (): Executor => new EventLoopExecutor({}) as Executor],
  ] as const)('changes nothing about %s', async (name, make) => {
    pollute();
    let observed = 'defaults';
    try {
      const executor = make();
      open.push(executor);
      const expectedWorkers = name === 'EventLoopExecutor' ? Infinity : getUsableCpuCount();
      // A throwing `initializer` or a 1 ms `idleTimeout` would show in these.
      const submitted = await executor.submitWith({}, sleep, 30, 'submitted');
      const mapped = await executor.map(echo, [1, 2, 3], {});
      const queued = executor.submit(sleep, 30, 'queued');
      // `cancelFutures: true` from the prototype would cancel `queued`.
      await executor.shutdown({});
      const afterShutdown = await queued;
      if (executor.maxWorkers !== expectedWorkers) observed = `maxWorkers ${executor.maxWorkers}`;
      expect(executor.maxWorkers).toBe(expectedWorkers);
      expect(submitted).toBe('submitted');
      expect(mapped).toEqual([1, 2, 3]);
      expect(afterShutdown).toBe('queued');
    } catch (error) {
      observed = (error as Error).message.slice(0, 80);
      throw error;
    } finally {
      clean();
      recordFigure({
        section: 'security',
        subject: `Object.prototype polluted: ${name}`,
        values: { observed, ok: observed === 'defaults' },
      });
    }
  });

  it('changes nothing about Thread and Pool', async () => {
    pollute();
    let observed = 'defaults';
    try {
      const thread = new Thread({ target: sleep, args: [1, 'x'] });
      const pool = new Pool({});
      try {
        expect(thread.daemon).toBe(false);
        expect(await pool.apply(echo, ['pool'])).toBe('pool');
      } finally {
        pool.terminate();
        await pool.join();
      }
      thread.start();
      await thread.join();
    } catch (error) {
      observed = (error as Error).message.slice(0, 80);
      throw error;
    } finally {
      clean();
      recordFigure({
        section: 'security',
        subject: 'Object.prototype polluted: Thread, Pool',
        values: { observed, ok: observed === 'defaults' },
      });
    }
  });
});
