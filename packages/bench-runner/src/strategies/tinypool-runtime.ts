// tinypool 2 with either runtime: min = max = workers, workers shared between tasks
// (isolateWorkers off), no idle timeout; child processes get this process's environment.
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
        // tinypool starts its children with an empty environment unless given one (only
        // TINYPOOL_WORKER_ID); every other process strategy here inherits this one. Without
        // it, a child skips what the environment asks of Node at start-up (NODE_OPTIONS,
        // NODE_EXTRA_CA_CERTS: ~40 ms of certificate parsing on the reference machine),
        // and the cold-start comparison would measure the environment, not the pools.
        ...(threads ? {} : { env: process.env as Record<string, string> }),
      });
      return {
        submit: (task, args, transfer) =>
          pool.run({ task, args }, transfer ? { transferList: [...transfer] } : undefined),
        close: () => pool.destroy(),
      };
    },
  };
}
