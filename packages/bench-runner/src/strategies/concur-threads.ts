// concur's ThreadPoolExecutor (worker threads) as a strategy.
import { adaptExecutor } from './concur-executor.js';
import type { Strategy } from './strategy.js';

/** ThreadPoolExecutor with `maxWorkers` workers (they start on demand). */
export const concurThreadsStrategy: Strategy = {
  name: 'concur-threads',
  label: 'concur ThreadPoolExecutor',
  model: 'threads',
  origin: 'concur',
  packageName: '@concur/executors',
  canTransfer: true,
  async create(workers) {
    const { ThreadPoolExecutor } = await import('@concur/executors');
    return adaptExecutor(new ThreadPoolExecutor({ maxWorkers: workers }));
  },
};
