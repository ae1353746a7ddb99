// piscina 5 as a peer: min = max = workers, no idle timeout, library defaults otherwise.
import type { Strategy } from './strategy.js';

const WORKER_URL = new URL('./peer-workers/function-worker.js', import.meta.url).href;

/** piscina's thread pool, one `run` per task. */
export const piscinaStrategy: Strategy = {
  name: 'piscina',
  label: 'piscina',
  model: 'threads',
  origin: 'peer',
  packageName: 'piscina',
  canTransfer: true,
  async create(workers) {
    const { Piscina } = await import('piscina');
    const pool = new Piscina({
      filename: WORKER_URL,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: Number.POSITIVE_INFINITY,
    });
    return {
      submit: (task, args, transfer) =>
        pool.run({ task, args }, transfer ? { transferList: [...transfer] } : undefined),
      close: () => pool.destroy(),
    };
  },
};
