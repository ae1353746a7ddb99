// concur's ProcessPoolExecutor (child processes) as a strategy.
import { adaptExecutor } from './concur-executor.js';
import type { Strategy } from './strategy.js';

/** ProcessPoolExecutor with `maxWorkers` children (they start on demand). */
export const concurProcessesStrategy: Strategy = {
  name: 'concur-processes',
  label: 'concur ProcessPoolExecutor',
  model: 'processes',
  origin: 'concur',
  packageName: '@concur/executors',
  canTransfer: false,
  async create(workers) {
    const { ProcessPoolExecutor } = await import('@concur/executors');
    return adaptExecutor(new ProcessPoolExecutor({ maxWorkers: workers }));
  },
};
