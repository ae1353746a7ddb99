// Main side: `Pool`, Python's multiprocessing.Pool over child processes: apply, map,
// imap, starmap (and their async forms), close / terminate / join, `await using`.
import {
  getTaskName,
  CancelledError,
  encodeRevivables,
  InvalidStateError,
  validateArray,
  validatePositiveInteger,
  type TaskArguments,
  type TaskReference,
  type TaskResult,
} from '@concur/core';
import { AsyncResult, type AsyncResultCallbacks } from './async-result.js';
import type { PoolJob, Submission } from './pool-job.js';
import { resolvePoolOptions, type PoolOptions, type ResolvedPoolOptions } from './pool-options.js';
import { ResultIterator } from './result-iterator.js';
import {
  defaultChunksize,
  once,
  resolveInit,
  resultOf,
  toArgsLists,
  toChunks,
} from './pool-submission.js';
import { resolveTaskTarget, type TaskTarget } from '../task-target.js';
import { WorkerSet } from './worker-set.js';
import { shutDownOnSignal } from './pool-signal.js';

/** A Pool's lifecycle: it accepts work while `running`. */
export type PoolState = 'running' | 'closed' | 'terminated';

/** The argument type `map` passes to each call of `task`. */
type ItemOf<T> = TaskArguments<T>[0];

/**
 * A pool of worker processes (Python's `multiprocessing.Pool`). Tasks are exported
 * `defineTask` functions; arguments and results cross by V8 serialization. An idle pool
 * does not keep Node alive; one with work does, until the work is done.
 *
 * @example
 * await using pool = new Pool({ processes: 4 });
 * await pool.map(square, [1, 2, 3]); // [1, 4, 9]
 */
export class Pool {
  #state: PoolState = 'running';
  readonly #options: ResolvedPoolOptions;
  readonly #workers: WorkerSet;
  #inFlight = 0;

  /** @throws TypeError naming a bad option. */
  constructor(options?: PoolOptions) {
    this.#options = resolvePoolOptions(options);
    this.#workers = new WorkerSet(this.#options, resolveInit(this.#options));
    shutDownOnSignal(this, this.#workers);
  }

  /** The lifecycle state. */
  get state(): PoolState {
    return this.#state;
  }

  /** How many worker processes the pool keeps. */
  get processes(): number {
    return this.#options.processes;
  }

  /** The pids of the live workers. */
  get pids(): number[] {
    return this.#workers.pids;
  }

  /**
   * Runs `task(...args)` in a worker and returns its result (Python's `apply`).
   * @throws InvalidStateError (rejects) when the pool is not running.
   * @example
   * await pool.apply(square, [3]); // 9
   */
  apply<T extends TaskReference>(task: T, args?: TaskArguments<T>): Promise<TaskResult<T>> {
    try {
      return this.applyAsync(task, args).get();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Starts `task(...args)` in a worker and returns an {@link AsyncResult} at once.
   * @throws InvalidStateError when the pool is not running; TypeError for a bad task.
   */
  applyAsync<T extends TaskReference>(
    task: T,
    args?: TaskArguments<T>,
    callbacks?: AsyncResultCallbacks<TaskResult<T>>,
  ): AsyncResult<TaskResult<T>> {
    const argsList = [args === undefined ? [] : [...validateArray('args', args, 'argument')]];
    const result = new AsyncResult<TaskResult<T>>(callbacks);
    this.#submit(task, {
      type: 'run',
      chunks: [{ start: 0, argsList }],
      describe: () => 'the apply() call',
      onChunk: (_start, outcome) => result.settle(outcome as never),
    });
    return result;
  }

  /**
   * Calls `task(item)` for every item in workers, in chunks, and returns the results in
   * order (Python's `map`). The first failure rejects.
   * @param chunksize - items per job. @default about a quarter of the items per worker
   * @example
   * await pool.map(square, [1, 2, 3]); // [1, 4, 9]
   */
  map<T extends TaskReference>(
    task: T,
    iterable: Iterable<ItemOf<T>>,
    chunksize?: number,
  ): Promise<TaskResult<T>[]> {
    return resultOf(() => this.mapAsync(task, iterable, chunksize));
  }

  /** {@link map} returning an {@link AsyncResult}. */
  mapAsync<T extends TaskReference>(
    task: T,
    iterable: Iterable<ItemOf<T>>,
    chunksize?: number,
    callbacks?: AsyncResultCallbacks<TaskResult<T>[]>,
  ): AsyncResult<TaskResult<T>[]> {
    return this.#collect(task, toArgsLists(iterable, false), chunksize, callbacks);
  }

  /**
   * Like {@link map}, but each item is the argument list of one call (Python's `starmap`).
   * @example
   * await pool.starmap(add, [[1, 2], [3, 4]]); // [3, 7]
   */
  starmap<T extends TaskReference>(
    task: T,
    iterable: Iterable<TaskArguments<T>>,
    chunksize?: number,
  ): Promise<TaskResult<T>[]> {
    return resultOf(() => this.starmapAsync(task, iterable, chunksize));
  }

  /** {@link starmap} returning an {@link AsyncResult}. */
  starmapAsync<T extends TaskReference>(
    task: T,
    iterable: Iterable<TaskArguments<T>>,
    chunksize?: number,
    callbacks?: AsyncResultCallbacks<TaskResult<T>[]>,
  ): AsyncResult<TaskResult<T>[]> {
    return this.#collect(task, toArgsLists(iterable, true), chunksize, callbacks);
  }

  /**
   * Yields `task(item)` for every item, in order, as results arrive (Python's `imap`).
   * @param chunksize - items per job. @default 1
   * @example
   * for await (const value of pool.imap(square, [1, 2, 3])) console.log(value);
   */
  imap<T extends TaskReference>(
    task: T,
    iterable: Iterable<ItemOf<T>>,
    chunksize = 1,
  ): ResultIterator<TaskResult<T>> {
    return this.#iterate(task, iterable, chunksize, true);
  }

  /** Like {@link imap}, but yields results in the order they complete (Python's `imap_unordered`). */
  imapUnordered<T extends TaskReference>(
    task: T,
    iterable: Iterable<ItemOf<T>>,
    chunksize = 1,
  ): ResultIterator<TaskResult<T>> {
    return this.#iterate(task, iterable, chunksize, false);
  }

  /** Accepts no more work; workers exit once the submitted work is done (Python's `close`). */
  close(): void {
    if (this.#state !== 'running') return;
    this.#state = 'closed';
    this.#drainIfDone();
  }

  /**
   * Kills the workers now (Python's `terminate`). Work not yet done fails with CancelledError.
   */
  terminate(): void {
    if (this.#state === 'terminated') return;
    this.#state = 'terminated';
    this.#workers.killAll(new CancelledError('the pool was terminated before this task finished.'));
  }

  /**
   * Waits for every worker to exit, after `close()` or `terminate()` (Python's `join`).
   * @throws InvalidStateError (rejects) while the pool is still running.
   */
  async join(): Promise<void> {
    if (this.#state === 'running') {
      throw new InvalidStateError(
        'the pool is still running: call close() or terminate() before join().',
      );
    }
    await this.#workers.whenAllExited();
  }

  /** `await using pool = new Pool()` terminates and joins it at the end of the block, like Python's `with`. */
  async [Symbol.asyncDispose](): Promise<void> {
    this.terminate();
    await this.join();
  }

  #collect<T extends TaskReference, R>(
    task: T,
    argsLists: unknown[][],
    chunksize: number | undefined,
    callbacks: AsyncResultCallbacks<R[]> | undefined,
  ): AsyncResult<R[]> {
    const size =
      chunksize === undefined
        ? defaultChunksize(argsLists.length, this.processes)
        : validatePositiveInteger('chunksize', chunksize, 'argument');
    const result = new AsyncResult<R[]>(callbacks);
    const values = new Array<R>(argsLists.length);
    let remaining = Math.ceil(argsLists.length / size);
    if (remaining === 0) result.settle({ ok: true, value: [] });
    this.#submit(task, {
      type: 'chunk',
      chunks: toChunks(argsLists, size),
      describe: (index) => `item ${index + 1} of the iterable`,
      onChunk: (start, outcome) => {
        if (!outcome.ok) return result.settle(outcome);
        (outcome.value as R[]).forEach((value, offset) => (values[start + offset] = value));
        if (--remaining === 0) result.settle({ ok: true, value: values });
      },
    });
    return result;
  }

  #iterate<T extends TaskReference, R>(
    task: T,
    iterable: Iterable<unknown>,
    chunksize: number,
    ordered: boolean,
  ): ResultIterator<R> {
    const size = validatePositiveInteger('chunksize', chunksize, 'argument');
    const argsLists = toArgsLists(iterable, false);
    const iterator = new ResultIterator<R>(argsLists.length, ordered);
    this.#submit(task, {
      type: 'chunk',
      chunks: toChunks(argsLists, size),
      describe: (index) => `item ${index + 1} of the iterable`,
      onChunk: (start, outcome) => iterator.deliver(start, outcome),
    });
    return iterator;
  }

  #submit(task: TaskReference, submission: Submission): void {
    if (this.#state !== 'running')
      throw new InvalidStateError(`the pool is ${this.#state}: it accepts no more work.`);
    const chunks = submission.chunks.map((chunk) => ({
      ...chunk,
      encoded: encodeRevivables(chunk.argsList, 'process'),
    }));
    this.#inFlight += chunks.length;
    const enqueue = ({ spec, prefix }: TaskTarget) => {
      for (const chunk of chunks) {
        const values = chunk.encoded.values as unknown[][];
        const job: PoolJob = {
          type: submission.type,
          task: spec,
          // Read when a message needs it: by then the export name has usually been learned.
          get taskName() {
            return getTaskName(task);
          },
          prefixLength: prefix.length,
          argsList: prefix.length === 0 ? values : values.map((args) => [...prefix, ...args]),
          revive: chunk.encoded.revivable,
          describe: (index) => submission.describe(chunk.start + index),
          settle: once((outcome) => {
            this.#inFlight -= 1;
            submission.onChunk(chunk.start, outcome);
            this.#drainIfDone();
          }),
        };
        this.#workers.enqueue(job);
      }
    };
    enqueue(resolveTaskTarget(task));
  }

  #drainIfDone(): void {
    if (this.#state === 'closed' && this.#inFlight === 0) this.#workers.stopAll();
  }
}
