// workerpool 10 as a peer: thread workers, min = max = workers (its default is cpus − 1, lazy).
import { fileURLToPath } from 'node:url';
import type { Strategy } from './strategy.js';

const WORKER_PATH = fileURLToPath(new URL('./peer-workers/workerpool-worker.js', import.meta.url));

/** workerpool's thread pool, one `exec('run')` per task. */
export const workerpoolStrategy: Strategy = {
  name: 'workerpool',
  label: 'workerpool',
  model: 'threads',
  origin: 'peer',
  packageName: 'workerpool',
  canTransfer: false,
  async create(workers) {
    const { default: workerpool } = await import('workerpool');
    const pool = workerpool.pool(WORKER_PATH, {
      minWorkers: workers,
      maxWorkers: workers,
      workerType: 'thread',
    });
    return {
      submit: (task, args) => pool.exec('run', [{ task, args }]) as Promise<unknown>,
      close: async () => {
        await pool.terminate();
      },
    };
  },
};
