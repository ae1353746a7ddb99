// The one interface every way of running a workload implements: sequential, the event loop,
// concur's executors, raw worker_threads / child processes, and the peer libraries.
import type { TaskSpec } from '@concur/core';

/** Which concurrency model a strategy stands for. */
export type Model = 'sequential' | 'event-loop' | 'threads' | 'processes';
/** Where a strategy comes from. */
export type Origin = 'baseline' | 'concur' | 'raw' | 'peer';

/** A created strategy: a pool (or none) that runs tasks until closed. */
export interface StrategyInstance {
  /**
   * Runs one task and resolves to its result.
   * @param transfer - ArrayBuffers to move instead of copy, where the runtime can.
   */
  submit(
    task: TaskSpec,
    args: readonly unknown[],
    transfer?: readonly ArrayBuffer[],
  ): Promise<unknown>;
  /**
   * Runs many tasks in chunks of `chunksize` per message; with `'auto'`, reads the argument
   * lists from a generator (unknown length) and lets the pool pick the chunksize. Absent
   * when unsupported.
   */
  map?(
    task: TaskSpec,
    argsList: readonly (readonly unknown[])[],
    chunksize: number | 'auto',
  ): Promise<unknown[]>;
  /**
   * Runs a whole job itself, ignoring in-flight limits (the sequential baseline: one loop,
   * no per-task promise unless the task is async).
   */
  runAll?(task: TaskSpec, argsList: readonly (readonly unknown[])[]): Promise<unknown[]>;
  /** Stops the workers; resolves once they are gone. */
  close(): Promise<void>;
}

/** A way to run a workload. */
export interface Strategy {
  /** Stable id used in plans, filters and reports, e.g. `concur-threads`, `piscina`. */
  readonly name: string;
  /** Human label for tables and legends. */
  readonly label: string;
  readonly model: Model;
  readonly origin: Origin;
  /** The npm package whose version the report records, if any. */
  readonly packageName?: string;
  /** Whether `submit` honours `transfer` (moves ArrayBuffers instead of cloning). */
  readonly canTransfer: boolean;
  /**
   * Creates the pool with exactly `workers` workers and resolves once all are online, or as
   * close to that as the library allows (then the warm-up jobs touch every worker).
   */
  create(workers: number): Promise<StrategyInstance>;
}
