// The shared base of ThreadPoolExecutor and ProcessPoolExecutor: the Executor contract
// over one WorkerPool, whatever kind of worker its factory makes.
import { getTaskLocation } from '@concur/core';
import type { ExecutorState, ShutdownOptions, TaskOptions } from './executor.js';
import { BaseExecutor } from './executor-base.js';
import { MAX_AUTO_CHUNKSIZE } from './adaptive-chunksize.js';
import type { Future } from './future.js';
import type { WorkerPool } from './worker-pool.js';

export { MAX_AUTO_CHUNKSIZE } from './adaptive-chunksize.js';
/** Chunks per worker `map` aims for when it picks the chunksize (Python's Pool uses 4). */
export const AUTO_CHUNKS_PER_WORKER = 4;

/** An executor whose tasks run in a {@link WorkerPool}. */
export abstract class PoolExecutor extends BaseExecutor {
  readonly #pool: WorkerPool;
  readonly #maxWorkers: number;

  protected constructor(pool: WorkerPool, maxWorkers: number) {
    super();
    this.#pool = pool;
    this.#maxWorkers = maxWorkers;
  }

  /** The lifecycle state: `running`, `shutting-down`, `shutdown` or `broken`. */
  get state(): ExecutorState {
    return this.#pool.state;
  }

  /** The most workers this executor runs at once. */
  get maxWorkers(): number {
    return this.#maxWorkers;
  }

  /** How many workers exist now (they start on demand and stop at shutdown). */
  get workerCount(): number {
    return this.#pool.workerCount;
  }

  protected schedule(
    task: unknown,
    args: unknown[],
    options: TaskOptions | undefined,
  ): Future<unknown> {
    return this.#pool.submit(task, args, false, options);
  }

  protected scheduleChunk(
    task: unknown,
    argsList: unknown[][],
    options: TaskOptions | undefined,
  ): Future<unknown[]> {
    return this.#pool.submit(task, argsList, true, options) as Future<unknown[]>;
  }

  protected close(options: Required<ShutdownOptions>): Promise<void> {
    return this.#pool.shutdown(options.wait, options.cancelFutures);
  }

  protected getAutoChunksize(length: number | undefined): number | 'adaptive' {
    // Unknown length (a generator): sized as the map goes, since one message per item
    // costs more than a tiny task itself.
    if (length === undefined) return 'adaptive';
    const chunks = this.#maxWorkers * AUTO_CHUNKS_PER_WORKER;
    return Math.min(MAX_AUTO_CHUNKSIZE, Math.max(1, Math.ceil(length / chunks)));
  }

  protected validateTask(task: unknown): void {
    getTaskLocation(task);
  }
}
