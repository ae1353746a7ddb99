// tinypool 2 with either runtime: min = max = workers, workers shared between tasks
// (isolateWorkers off), no idle timeout.
import type { Strategy } from './strategy.js';

const WORKER_URL = new URL('./peer-workers/function-worker.js', import.meta.url).href;

/** Builds the tinypool strategy for one runtime. */
export function createTinypoolStrategy(runtime: 'worker_threads' | 'child_process'): Strategy {
  const threads = runtime === 'worker_threads';
  return {
    name: threads ? 'tinypool-threads' : 'tinypool-processes',
    label: threads ? 'tinypool (threads)' : 'tinypool (child_process)',
    model: threads ? 'threads' : 'processes',
    origin: 'peer',
    packageName: 'tinypool',
    canTransfer: threads,
    async create(workers) {
      const { default: Tinypool } = await import('tinypool');
      const pool = new Tinypool({
        filename: WORKER_URL,
        runtime,
        minThreads: workers,
        maxThreads: workers,
        isolateWorkers: false,
        idleTimeout: 2 ** 31 - 1,
      });
      return {
        submit: (task, args, transfer) =>
          pool.run({ task, args }, transfer ? { transferList: [...transfer] } : undefined),
        close: () => pool.destroy(),
      };
    },
  };
}
