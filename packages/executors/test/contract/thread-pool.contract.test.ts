// ThreadPoolExecutor against the shared Executor contract.
import { ThreadPoolExecutor } from '@concur/executors';
import { describeExecutorContract } from './executor-contract.js';

describeExecutorContract('ThreadPoolExecutor', (o) => new ThreadPoolExecutor(o), {
  crossesBoundary: true,
});
