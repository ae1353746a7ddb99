// DistributedExecutor against the executors package's shared Executor contract (the same
// suite ThreadPoolExecutor and ProcessPoolExecutor pass), with two worker processes.
import { afterAll, beforeAll, inject } from 'vitest';
import { DistributedExecutor } from '@concur/distributed';
import { describeExecutorContract } from '../../../executors/test/contract/executor-contract.js';
import { createQueueName, killAllHosts, removeQueue, startHost } from '../helpers/hosts.js';

const connection = inject('redisUrl');
const queue = createQueueName();
// Keeps the process's shared connections to the queue open between the suite's executors,
// as a long-lived client would, so each test's first task does not wait for a connect.
let keeper: DistributedExecutor;

beforeAll(async () => {
  keeper = new DistributedExecutor({ connection, queue });
  await Promise.all([
    startHost(connection, queue, { concurrency: 4, name: 'contract-a' }),
    startHost(connection, queue, { concurrency: 4, name: 'contract-b' }),
  ]);
});

afterAll(async () => {
  await keeper.shutdown();
  await killAllHosts();
  await removeQueue(connection, queue);
});

describeExecutorContract(
  'DistributedExecutor',
  ({ maxWorkers }) => new DistributedExecutor({ connection, queue, maxInFlight: maxWorkers }),
  { crossesBoundary: true },
);
