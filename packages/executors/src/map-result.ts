// The result of `map` / `starmap`: results in input order, lazily as an async iterable or
// all at once when awaited, with a bounded window of futures in flight.
import { InvalidStateError } from '@concur/core';
import type { Future } from './future.js';
import type { TaskOptions } from './executor.js';
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
  readonly chunksize: number;
  /** The most futures (chunks) in flight at once. */
  readonly window: number;
  /** Absolute deadline in `performance.now()` milliseconds, or Infinity. */
  readonly deadline: number;
  readonly signal: AbortSignal | undefined;
}

type Feed = 'feeding' | 'ended' | 'closed';

/**
 * Results of `executor.map(...)`, in input order. Iterate it (`for await`) to get each
 * result as soon as it and all before it are ready, or await it for the whole array.
 * It can be consumed once. Items are submitted as the window frees up, so at most
 * `window × chunksize` items are in flight.
 *
 * @example
 * for await (const value of executor.map(square, [1, 2, 3])) console.log(value);
 * const all = await executor.map(square, [1, 2, 3]); // [1, 4, 9]
 */
export class MapResult<R> implements AsyncIterableIterator<R>, PromiseLike<R[]> {
  readonly #host: MapHost;
  readonly #plan: MapPlan;
  readonly #options: TaskOptions | undefined;
  #array: ArrayLike<unknown> | undefined;
  #arrayIndex = 0;
  #sync: Iterator<unknown> | undefined;
  #syncDone = false;
  #async: AsyncIterator<unknown> | undefined;
  readonly #inFlight = new TaskQueue<Future<unknown>>();
  #feed: Feed = 'feeding';
  #feedError: { error: unknown } | undefined;
  #filling: Promise<void> | undefined;
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
    if (Array.isArray(source)) this.#array = source;
    else if (typeof (source as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      this.#async = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    } else this.#sync = (source as Iterable<unknown>)[Symbol.iterator]();
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
    if (this.#array !== undefined) {
      try {
        while (this.#arrayIndex < this.#array.length) this.#submit(this.#pullFromArray());
        this.#end(undefined);
      } catch (error) {
        this.#end(error);
      }
    } else {
      this.#end(
        new InvalidStateError(
          'cannot schedule new futures after shutdown: the executor shut down before this ' +
            "map's input was used up. Consume map results before shutting down.",
        ),
      );
    }
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
    if (this.#plan.chunksize === 1) return { done: false, value: value as R };
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
    if (this.#async !== undefined) {
      this.#filling ??= this.#fillAsync().finally(() => (this.#filling = undefined));
      return this.#filling;
    }
    try {
      while (this.#feed === 'feeding' && this.#inFlight.size < this.#plan.window) {
        const items: unknown[] = [];
        if (this.#array !== undefined) {
          if (this.#arrayIndex >= this.#array.length) break;
          this.#submit(this.#pullFromArray());
          continue;
        }
        for (let i = 0; i < this.#plan.chunksize; i++) {
          const step = this.#sync!.next();
          if (step.done === true) {
            this.#syncDone = true;
            break;
          }
          items.push(step.value);
        }
        if (items.length > 0) this.#submit(items);
        if (this.#syncDone) break;
      }
      const empty =
        this.#array !== undefined ? this.#arrayIndex >= this.#array.length : this.#syncDone;
      if (this.#feed === 'feeding' && empty) this.#end(undefined);
    } catch (error) {
      this.#end(error);
    }
  }

  async #fillAsync(): Promise<void> {
    try {
      while (this.#feed === 'feeding' && this.#inFlight.size < this.#plan.window) {
        const items: unknown[] = [];
        let done = false;
        while (items.length < this.#plan.chunksize) {
          const step = await this.#async!.next();
          if (this.#feed !== 'feeding') return;
          if (step.done === true) {
            done = true;
            break;
          }
          items.push(step.value);
        }
        if (items.length > 0) this.#submit(items);
        if (done) this.#end(undefined);
      }
    } catch (error) {
      this.#end(error);
    }
  }

  #pullFromArray(): unknown[] {
    const array = this.#array!;
    const end = Math.min(array.length, this.#arrayIndex + this.#plan.chunksize);
    const items: unknown[] = [];
    for (let i = this.#arrayIndex; i < end; i++) items.push(array[i]);
    this.#arrayIndex = end;
    return items;
  }

  #submit(items: unknown[]): void {
    if (this.#plan.chunksize === 1) {
      this.#inFlight.push(this.#host.schedule(this.#toArgs(items[0]), this.#options));
    } else {
      this.#inFlight.push(
        this.#host.scheduleChunk(items.map(this.#toArgs, this), this.#options) as Future<unknown>,
      );
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
    this.#array = undefined;
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
    this.#array = undefined;
    if (wasFeeding) {
      this.#plan.signal?.removeEventListener('abort', this.#onAbort);
      this.#host.release(this as MapResult<unknown>);
      void Promise.resolve(this.#sync?.return?.()).catch(() => undefined);
      void Promise.resolve(this.#async?.return?.()).catch(() => undefined);
    }
    this.#notify();
  }
}
