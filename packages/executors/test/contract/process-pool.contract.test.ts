// ProcessPoolExecutor against the shared Executor contract.
import { ProcessPoolExecutor } from '@concur/executors';
import { describeExecutorContract } from './executor-contract.js';

describeExecutorContract('ProcessPoolExecutor', (o) => new ProcessPoolExecutor(o), {
  crossesBoundary: true,
});
