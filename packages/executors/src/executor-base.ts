// The shared half of every executor: submit / submitWith / map / starmap / shutdown /
// asyncDispose over three primitives each executor provides (schedule, scheduleChunk, close).
import type { TaskArguments, TaskResult } from '@concur/core';
import type {
  AnyIterable,
  Executor,
  ExecutorState,
  MapItem,
  MapOptions,
  MappableTask,
  ShutdownOptions,
  TaskOptions,
  WorkerTask,
} from './executor.js';
import type { Future } from './future.js';
import { MapResult, type MapHost } from './map-result.js';
import {
  getKnownLength,
  normalizeMapOptions,
  normalizeShutdownOptions,
  normalizeTaskOptions,
  validateIterable,
} from './options.js';

/** How many futures (chunks) per worker a map keeps in flight: enough to keep workers fed. */
export const MAP_FUTURES_PER_WORKER = 8;
/** The most futures a map keeps in flight whatever the concurrency (bounds memory). */
export const MAP_MAX_WINDOW = 1024;

/**
 * Base class for executors: implement `schedule`, `scheduleChunk`, `close`, `state`,
 * `maxWorkers` and `getAutoChunksize`; the rest of the {@link Executor} contract follows.
 */
export abstract class BaseExecutor<Task = WorkerTask> implements Executor<Task> {
  readonly #maps = new Set<MapResult<unknown>>();

  abstract readonly state: ExecutorState;
  abstract readonly maxWorkers: number;

  /**
   * Schedules one call.
   * @throws InvalidStateError after shutdown; TypeError for a task this executor cannot run.
   */
  protected abstract schedule(
    task: unknown,
    args: unknown[],
    options: TaskOptions | undefined,
  ): Future<unknown>;

  /** Schedules the calls of one map chunk; the future's value is the array of results. */
  protected abstract scheduleChunk(
    task: unknown,
    argsList: unknown[][],
    options: TaskOptions | undefined,
  ): Future<unknown[]>;

  /** Stops the executor (after maps got the chance to submit their in-memory input). */
  protected abstract close(options: Required<ShutdownOptions>): Promise<void>;

  /**
   * The chunksize `map` uses when none is given, for an input of `length` items (if known),
   * or `'adaptive'` to size the chunks as the map goes (see `AdaptiveChunksize`).
   */
  protected abstract getAutoChunksize(length: number | undefined): number | 'adaptive';

  /** Checks a task before a map starts. @throws TypeError for a task this executor cannot run. */
  protected abstract validateTask(task: unknown): void;

  submit<T extends Task>(task: T, ...args: TaskArguments<T>): Future<TaskResult<T>> {
    return this.schedule(task, args, undefined) as Future<TaskResult<T>>;
  }

  /**
   * Like `submit`, with per-task options.
   * @example
   * const future = executor.submitWith({ timeout: 5_000, signal }, crunch, data);
   */
  submitWith<T extends Task>(
    options: TaskOptions,
    task: T,
    ...args: TaskArguments<T>
  ): Future<TaskResult<T>> {
    return this.schedule(task, args, normalizeTaskOptions(options)) as Future<TaskResult<T>>;
  }

  map<T extends Task & MappableTask>(
    task: T,
    iterable: AnyIterable<MapItem<T>>,
    options?: MapOptions,
  ): MapResult<TaskResult<T>> {
    return this.#startMap(task, iterable, options, false, 'map()') as MapResult<TaskResult<T>>;
  }

  starmap<T extends Task>(
    task: T,
    iterable: AnyIterable<TaskArguments<T>>,
    options?: MapOptions,
  ): MapResult<TaskResult<T>> {
    return this.#startMap(task, iterable, options, true, 'starmap()') as MapResult<TaskResult<T>>;
  }

  shutdown(options?: ShutdownOptions): Promise<void> {
    let resolved: Required<ShutdownOptions>;
    try {
      resolved = normalizeShutdownOptions(options);
    } catch (error) {
      return Promise.reject(error);
    }
    for (const map of [...this.#maps]) map.finishFeeding();
    return this.close(resolved);
  }

  /** `await using executor = new ThreadPoolExecutor()` shuts it down (waiting) at scope end. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.shutdown();
  }

  #startMap(
    task: unknown,
    iterable: unknown,
    options: MapOptions | undefined,
    spread: boolean,
    what: string,
  ): MapResult<unknown> {
    this.validateTask(task);
    validateIterable('iterable', iterable);
    const resolved = normalizeMapOptions(what, options);
    const chunksize = resolved.chunksize ?? this.getAutoChunksize(getKnownLength(iterable));
    const host: MapHost = {
      schedule: (args, taskOptions) => this.schedule(task, args, taskOptions),
      scheduleChunk: (argsList, taskOptions) => this.scheduleChunk(task, argsList, taskOptions),
      release: (map) => this.#maps.delete(map),
    };
    const window = Math.min(MAP_MAX_WINDOW, Math.max(2, this.maxWorkers * MAP_FUTURES_PER_WORKER));
    const map = new MapResult(host, iterable, {
      spread,
      chunksize,
      window,
      workers: Math.min(this.maxWorkers, window),
      deadline: resolved.timeout === Infinity ? Infinity : performance.now() + resolved.timeout,
      signal: resolved.signal,
    });
    // A small input may be fully submitted already; only maps still feeding need a shutdown call.
    if (map.feeding) this.#maps.add(map);
    return map;
  }
}
