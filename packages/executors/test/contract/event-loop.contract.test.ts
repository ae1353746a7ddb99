// EventLoopExecutor against the shared Executor contract.
import { EventLoopExecutor } from '@concur/executors';
import { describeExecutorContract } from './executor-contract.js';

describeExecutorContract(
  'EventLoopExecutor',
  ({ maxWorkers }) => new EventLoopExecutor({ maxConcurrency: maxWorkers }),
  { crossesBoundary: false },
);
