// poolifier 5 as a peer: a FixedThreadPool of `workers`, waited on until its 'ready' event.
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Strategy } from './strategy.js';

const WORKER_PATH = fileURLToPath(new URL('./peer-workers/poolifier-worker.js', import.meta.url));

/** poolifier's fixed thread pool, one `execute` per task. */
export const poolifierStrategy: Strategy = {
  name: 'poolifier',
  label: 'poolifier',
  model: 'threads',
  origin: 'peer',
  packageName: 'poolifier',
  canTransfer: true,
  async create(workers) {
    const { FixedThreadPool } = await import('poolifier');
    const pool = new FixedThreadPool(workers, WORKER_PATH);
    if (!pool.info.ready && pool.emitter !== undefined) await once(pool.emitter, 'ready');
    return {
      submit: (task, args, transfer) =>
        pool.execute({ task, args }, undefined, undefined, transfer ? [...transfer] : undefined),
      close: () => pool.destroy(),
    };
  },
};
