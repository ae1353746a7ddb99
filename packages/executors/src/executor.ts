// The Executor contract shared by every executor (thread pool, process pool, event loop,
// and later distributed ones): submit, submitWith, map, starmap, shutdown, asyncDispose.
import type {
  AnyFunction,
  TaskArguments,
  TaskReference,
  TaskResult,
  Transferable,
} from '@concur/core';
import type { Future } from './future.js';
import type { MapResult } from './map-result.js';

/** A task that workers can run: made by `defineTask` or `taskFrom`. */
export type WorkerTask = TaskReference;

/**
 * A task whose first argument comes from each item of `map`'s iterable (its other
 * arguments, if any, optional). Tasks needing several arguments go to `starmap`.
 */
export type MappableTask = TaskReference<(argument: any) => unknown> | ((argument: any) => unknown);

/** The item type `map` reads for a task: its first argument. */
export type MapItem<T> = TaskArguments<T> extends [] ? never : TaskArguments<T>[0];

/** Either kind of iterable that `map` and `starmap` accept. */
export type AnyIterable<T> = Iterable<T> | AsyncIterable<T>;

/**
 * Per-task options that Python's `submit` has no room for, given to `submitWith`.
 */
export interface TaskOptions {
  /**
   * Stops the task: before it runs, its future is cancelled; while it runs, the worker's
   * `taskSignal()` fires and the future fails with `signal.reason`. A task that does not
   * settle within `ABORT_GRACE_MS` has its worker terminated (the pool replaces it).
   * @default no signal
   */
  readonly signal?: AbortSignal;
  /**
   * How long the task may run, in milliseconds from when it starts running (queueing time
   * is not counted). On expiry the future fails with a TimeoutError and the task is
   * aborted as with `signal`.
   * @default Infinity
   */
  readonly timeout?: number;
  /**
   * ArrayBuffers (or MessagePorts) to transfer to the worker instead of copying them.
   * They become unusable here. Ignored by executors without workers.
   * @default []
   */
  readonly transfer?: readonly Transferable[];
}

/** Options of {@link Executor.map} and {@link Executor.starmap}. */
export interface MapOptions {
  /**
   * How long, in milliseconds from the call to `map`, each result may take before the
   * iteration throws a TimeoutError (Python's `timeout`).
   * @default Infinity
   */
  readonly timeout?: number;
  /**
   * How many items each worker message carries. Larger chunks cut per-task overhead for
   * tiny tasks; a failure fails its whole chunk. An explicit chunksize always wins.
   * @default automatic on the pool executors: for inputs of known length (arrays, Sets,
   * Maps, typed arrays), `ceil(length / (4 × workers))` capped at `MAX_AUTO_CHUNKSIZE`;
   * for other inputs (generators, async iterables), sized as the map goes
   * (`AdaptiveChunksize`): one item first, then doubling while chunks come back within
   * `AUTO_CHUNK_TARGET_MS` (2 ms), up to `MAX_AUTO_CHUNKSIZE`. Always 1 on `EventLoopExecutor`.
   */
  readonly chunksize?: number;
  /**
   * Stops the whole map: pending items are cancelled and running ones aborted.
   * @default no signal
   */
  readonly signal?: AbortSignal;
}

/** Options of {@link Executor.shutdown}. */
export interface ShutdownOptions {
  /**
   * Wait until every pending future is done and every worker has exited.
   * @default true
   */
  readonly wait?: boolean;
  /**
   * Cancel every future that has not started running.
   * @default false
   */
  readonly cancelFutures?: boolean;
}

/** The lifecycle of an executor, one field. */
export type ExecutorState = 'running' | 'shutting-down' | 'shutdown' | 'broken';

/**
 * What every executor offers: Python's `concurrent.futures.Executor` with TypeScript
 * manners. A test suite in this package checks any implementation against it.
 */
export interface Executor<Task = WorkerTask> extends AsyncDisposable {
  /** The lifecycle state. */
  readonly state: ExecutorState;
  /** How many tasks may run at the same time (workers, or `maxConcurrency`). */
  readonly maxWorkers: number;
  /**
   * Schedules `task(...args)` and returns its future.
   * @throws InvalidStateError after shutdown ("cannot schedule new futures after shutdown").
   * @throws BrokenExecutorError when the executor is broken.
   * @throws TypeError when `task` is not a task this executor can run.
   */
  submit<T extends Task>(task: T, ...args: TaskArguments<T>): Future<TaskResult<T>>;
  /** Like {@link Executor.submit}, with per-task options (signal, timeout, transfer). */
  submitWith<T extends Task>(
    options: TaskOptions,
    task: T,
    ...args: TaskArguments<T>
  ): Future<TaskResult<T>>;
  /**
   * Runs `task` on every item, giving results in input order: iterate it for results as
   * they come (`for await`), or await it for the array. At most a bounded window of items
   * is in flight, so huge or endless iterables are fine.
   */
  map<T extends Task & MappableTask>(
    task: T,
    iterable: AnyIterable<MapItem<T>>,
    options?: MapOptions,
  ): MapResult<TaskResult<T>>;
  /** Like {@link Executor.map}, with each item being the whole argument list. */
  starmap<T extends Task>(
    task: T,
    iterable: AnyIterable<TaskArguments<T>>,
    options?: MapOptions,
  ): MapResult<TaskResult<T>>;
  /**
   * Stops accepting work and releases the workers once pending work is done.
   * Idempotent.
   */
  shutdown(options?: ShutdownOptions): Promise<void>;
}

/** Any callable, for executors that run functions on this thread. */
export type LocalTask = AnyFunction | TaskReference;
