// The result of `map` / `starmap`: results in input order, lazily as an async iterable or
// all at once when awaited, with a bounded window of futures in flight.
import { InvalidStateError } from '@concur/core';
import { AdaptiveChunksize } from './adaptive-chunksize.js';
import { AsyncSource } from './async-map-source.js';
import type { Future } from './future.js';
import type { TaskOptions } from './executor.js';
import { SyncSource } from './map-source.js';
import { toArgumentList } from './options.js';
import { TaskQueue } from './task-queue.js';

/** What a map needs from its executor. */
export interface MapHost {
  /** Schedules one call. */
  schedule(args: unknown[], options: TaskOptions | undefined): Future<unknown>;
  /** Schedules one call per argument list, in one message; the result is the array. */
  scheduleChunk(argsList: unknown[][], options: TaskOptions | undefined): Future<unknown[]>;
  /** Forgets a map whose input is fully submitted (or abandoned). */
  release(map: MapResult<unknown>): void;
}

/** How a map reads its input. */
export interface MapPlan {
  /** `true` for `starmap`: each item is the argument list. */
  readonly spread: boolean;
  /** Items per chunk, or `'adaptive'` to size chunks as they go ({@link AdaptiveChunksize}). */
  readonly chunksize: number | 'adaptive';
  /** The most futures (chunks) in flight at once. */
  readonly window: number;
  /** How many chunks the executor runs at once (its `maxWorkers`). */
  readonly workers: number;
  /** Absolute deadline in `performance.now()` milliseconds, or Infinity. */
  readonly deadline: number;
  readonly signal: AbortSignal | undefined;
}

type Feed = 'feeding' | 'ended' | 'closed';

/**
 * Results of `executor.map(...)`, in input order. Iterate it (`for await`) to get each
 * result as soon as it and all before it are ready, or await it for the whole array.
 * It can be consumed once. Items are submitted as the window frees up, so at most
 * `window × chunksize` items are in flight (plus, for an async iterable, the chunk being
 * gathered, which goes out once it is full, the input ends, or its first item has waited
 * `AUTO_CHUNK_TARGET_MS`).
 *
 * @example
 * for await (const value of executor.map(square, [1, 2, 3])) console.log(value);
 * const all = await executor.map(square, [1, 2, 3]); // [1, 4, 9]
 */
export class MapResult<R> implements AsyncIterableIterator<R>, PromiseLike<R[]> {
  readonly #host: MapHost;
  readonly #plan: MapPlan;
  readonly #options: TaskOptions | undefined;
  #sync: SyncSource | undefined;
  #async: AsyncSource | undefined;
  /** Set when chunks are sized as they go; `undefined` for a fixed chunksize. */
  readonly #sizer: AdaptiveChunksize | undefined;
  /** Whether each future's value is an array of results (a chunk), not one result. */
  readonly #chunked: boolean;
  readonly #inFlight = new TaskQueue<Future<unknown>>();
  #feed: Feed = 'feeding';
  #feedError: { error: unknown } | undefined;
  #wake: (() => void) | undefined;
  #buffer: unknown[] | undefined;
  #bufferIndex = 0;
  #consumer: 'none' | 'iterator' | 'promise' = 'none';
  #all: Promise<R[]> | undefined;
  readonly #onAbort = () => this.#close({ error: this.#plan.signal!.reason });
  /** @internal Created by executors; use `executor.map(...)`. */
  constructor(host: MapHost, source: unknown, plan: MapPlan) {
    this.#host = host;
    this.#plan = plan;
    this.#options = plan.signal === undefined ? undefined : { signal: plan.signal };
    this.#sizer = plan.chunksize === 'adaptive' ? new AdaptiveChunksize(plan.workers) : undefined;
    this.#chunked = plan.chunksize !== 1;
    if (typeof (source as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      this.#async = this.#readAsync(source as AsyncIterable<unknown>);
    } else this.#sync = new SyncSource(source as Iterable<unknown>);
    plan.signal?.addEventListener('abort', this.#onAbort, { once: true });
    if (plan.signal?.aborted) this.#close({ error: plan.signal.reason });
    else void this.#fill();
  }

  /** Gives the next result in input order. */
  next(): Promise<IteratorResult<R>> {
    if (this.#consumer === 'promise') {
      return Promise.reject(new InvalidStateError('This map result is being awaited already.'));
    }
    this.#consumer = 'iterator';
    return this.#next();
  }

  /** Stops early: cancels the items that have not started. */
  return(): Promise<IteratorResult<R>> {
    this.#close(undefined);
    return Promise.resolve({ done: true, value: undefined });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Awaiting the map gives every result as an array (in input order). */
  then<R1 = R[], R2 = never>(
    onFulfilled?: ((value: R[]) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    if (this.#all === undefined) {
      if (this.#consumer === 'iterator') {
        return Promise.reject(
          new InvalidStateError('This map result is being iterated already.'),
        ).then(onFulfilled, onRejected);
      }
      this.#consumer = 'promise';
      this.#all = this.#collect();
    }
    return this.#all.then(onFulfilled, onRejected);
  }

  /** Whether items remain to be submitted. @internal */
  get feeding(): boolean {
    return this.#feed === 'feeding';
  }

  /**
   * Called by the executor when it shuts down: input already in memory (arrays) is
   * submitted now, so its results still arrive; any other input stops here and the
   * iteration throws an InvalidStateError when it reaches the missing items.
   * @internal
   */
  finishFeeding(): void {
    if (this.#feed !== 'feeding') return;
    try {
      // Items already read still run: the whole of an array, the chunk being gathered.
      if (this.#sync?.inMemory === true) {
        while (!this.#sync.done) this.#submit(this.#sync.take(this.#chunksize()), 0);
        this.#end(undefined);
        return;
      }
      this.#async?.flush();
    } catch (error) {
      this.#end(error);
      return;
    }
    this.#end(
      new InvalidStateError(
        'cannot schedule new futures after shutdown: the executor shut down before this ' +
          "map's input was used up. Consume map results before shutting down.",
      ),
    );
  }

  async #collect(): Promise<R[]> {
    const values: R[] = [];
    for (let step = await this.#next(); step.done !== true; step = await this.#next()) {
      values.push(step.value);
    }
    return values;
  }

  async #next(): Promise<IteratorResult<R>> {
    if (this.#buffer !== undefined) return { done: false, value: this.#takeBuffered() };
    while (this.#inFlight.size === 0) {
      if (this.#feed !== 'feeding') {
        if (this.#feedError !== undefined) {
          const { error } = this.#feedError;
          this.#feedError = undefined;
          this.#feed = 'closed';
          throw error;
        }
        return { done: true, value: undefined };
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        void this.#fill();
      });
    }
    const future = this.#inFlight.shift()!;
    void this.#fill();
    let value: unknown;
    try {
      value = await (this.#plan.deadline === Infinity
        ? future.result()
        : future.result(Math.max(0, this.#plan.deadline - performance.now())));
    } catch (error) {
      this.#close(undefined);
      throw error;
    }
    if (!this.#chunked) return { done: false, value: value as R };
    this.#sizer?.delivered((value as unknown[]).length);
    this.#buffer = value as unknown[];
    this.#bufferIndex = 0;
    return { done: false, value: this.#takeBuffered() };
  }

  #takeBuffered(): R {
    const buffer = this.#buffer!;
    const value = buffer[this.#bufferIndex++] as R;
    if (this.#bufferIndex >= buffer.length) this.#buffer = undefined;
    return value;
  }

  #fill(): void | Promise<void> {
    if (this.#async !== undefined) return this.#async.fill();
    const source = this.#sync!;
    try {
      while (this.#feed === 'feeding' && this.#inFlight.size < this.#plan.window && !source.done) {
        const startedAt = this.#sizer === undefined ? 0 : performance.now();
        const items = source.take(this.#chunksize());
        if (items.length > 0) this.#submit(items, startedAt);
      }
      if (source.done) this.#end(source.failure?.error);
    } catch (error) {
      this.#end(error);
    }
  }

  #readAsync(iterable: AsyncIterable<unknown>): AsyncSource {
    return new AsyncSource(iterable, {
      isFeeding: () => this.#feed === 'feeding',
      hasRoom: () => this.#inFlight.size < this.#plan.window,
      getChunksize: () => this.#chunksize(),
      submit: (items, startedAt) => this.#submit(items, startedAt),
      end: (error) => this.#end(error),
    });
  }

  #chunksize(): number {
    const { chunksize } = this.#plan;
    return chunksize === 'adaptive' ? this.#sizer!.size : chunksize;
  }

  /** Submits one chunk (or one call), read from the source since `startedAt`. */
  #submit(items: unknown[], startedAt: number): void {
    let future: Future<unknown>;
    if (!this.#chunked) future = this.#host.schedule(this.#toArgs(items[0]), this.#options);
    else {
      const argsList = items.map(this.#toArgs, this);
      future = this.#host.scheduleChunk(argsList, this.#options) as Future<unknown>;
    }
    this.#inFlight.push(future);
    if (this.#sizer !== undefined) {
      this.#sizer.gathered(items.length, performance.now() - startedAt);
      this.#sizer.track(future, items.length);
    }
    this.#notify();
  }

  #toArgs(item: unknown): unknown[] {
    return this.#plan.spread ? toArgumentList(item) : [item];
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #end(error: unknown): void {
    if (this.#feed !== 'feeding') return;
    this.#feed = 'ended';
    if (error !== undefined) this.#feedError = { error };
    // Lets an input left unfinished by a shutdown clean up (a generator's `finally`).
    this.#sync?.close();
    this.#async?.close();
    this.#plan.signal?.removeEventListener('abort', this.#onAbort);
    this.#host.release(this as MapResult<unknown>);
    this.#notify();
  }

  #close(failure: { error: unknown } | undefined): void {
    const wasFeeding = this.#feed === 'feeding';
    this.#feed = 'closed';
    this.#feedError = failure;
    this.#buffer = undefined;
    for (const future of this.#inFlight.drain()) future.cancel();
    if (wasFeeding) {
      this.#plan.signal?.removeEventListener('abort', this.#onAbort);
      this.#host.release(this as MapResult<unknown>);
      this.#sync?.close();
      this.#async?.close();
    }
    this.#notify();
  }
}
