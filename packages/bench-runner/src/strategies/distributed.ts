// concur's DistributedExecutor as a strategy: a loopback Redis (REDIS_URL, or one started by
// the distributed bench's own `ensureRedis`) and `workers` concur-worker processes with
// concurrency 1 on this machine, from `@concur/distributed/bench`.
import { randomUUID } from 'node:crypto';
import { adaptExecutor } from './concur-executor.js';
import type { Strategy } from './strategy.js';

/**
 * DistributedExecutor over Redis with `workers` local worker processes. `create()` rejects
 * when Redis cannot be started or a worker does not get ready; the run records that as the
 * configuration's error and goes on.
 */
export const distributedStrategy: Strategy = {
  name: 'distributed',
  label: 'concur DistributedExecutor',
  model: 'processes',
  origin: 'concur',
  packageName: '@concur/distributed',
  canTransfer: false,
  async create(workers) {
    const { DistributedExecutor } = await import('@concur/distributed');
    const { ensureRedis, startFleet } = await import('@concur/distributed/bench');
    const redis = ensureRedis();
    const queue = `bench-runner-${randomUUID().slice(0, 8)}`;
    let fleet;
    try {
      fleet = await startFleet(redis.url, queue, workers);
    } catch (error) {
      redis.stop();
      throw error;
    }
    const executor = new DistributedExecutor({ connection: redis.url, queue });
    const instance = adaptExecutor(executor);
    return {
      ...instance,
      async close() {
        try {
          await executor.shutdown();
        } finally {
          await fleet.stop();
          redis.stop();
        }
      },
    };
  },
};
