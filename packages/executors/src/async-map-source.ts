// The async-iterable input of a map, gathered into chunks: a chunk goes out when it is full,
// when the input ends, or once its first item has waited AUTO_CHUNK_TARGET_MS for the rest.
import { AUTO_CHUNK_TARGET_MS } from './adaptive-chunksize.js';

/** What an {@link AsyncSource} feeds. */
export interface ChunkSink {
  /** Whether the map still takes input. */
  isFeeding(): boolean;
  /** Whether the window has room for another chunk. */
  hasRoom(): boolean;
  /** The size the next chunk should reach. */
  getChunksize(): number;
  /** Submits a chunk whose reading began at `startedAt` (`performance.now()`). */
  submit(items: unknown[], startedAt: number): void;
  /** Ends the input: with `error` if the iterable threw (or a submit failed). */
  end(error: unknown): void;
}

/**
 * Reads a map's async iterable into chunks, one reading loop at a time. The items read
 * before the iterable throws are submitted first, so they still run. A chunk being gathered
 * was started within the window; a stall flush can let the next one start beyond it, so the
 * window may be exceeded by one chunk at most.
 */
export class AsyncSource {
  readonly #iterator: AsyncIterator<unknown>;
  readonly #sink: ChunkSink;
  #filling: Promise<void> | undefined;
  /** Whether the iterable is used up or threw (then it needs no `return()`). */
  #done = false;
  /** The chunk being gathered, and when its gathering began. */
  #pending: unknown[] = [];
  #pendingSince = 0;
  #stallTimer: NodeJS.Timeout | undefined;
  readonly #onStall = () => {
    this.#stallTimer = undefined;
    if (this.#sink.isFeeding()) this.#flushOrEnd(undefined, false);
  };

  constructor(iterable: AsyncIterable<unknown>, sink: ChunkSink) {
    this.#iterator = iterable[Symbol.asyncIterator]();
    this.#sink = sink;
  }

  /** Reads until the window is full or the input ends; resolves when this loop stops. */
  fill(): Promise<void> {
    this.#filling ??= this.#read().finally(() => (this.#filling = undefined));
    return this.#filling;
  }

  /** Submits the items gathered so far (the executor is shutting down). @throws what submit throws. */
  flush(): void {
    this.#clearTimer();
    const items = this.#pending;
    if (items.length === 0) return;
    this.#pending = [];
    const startedAt = this.#pendingSince;
    this.#pendingSince = performance.now();
    this.#sink.submit(items, startedAt);
  }

  /** Forgets the chunk being gathered (the map ended). */
  drop(): void {
    this.#clearTimer();
    this.#pending = [];
  }

  /** Stops reading: lets an unfinished iterable clean up (`return()`), ignoring its errors. */
  close(): void {
    this.drop();
    if (this.#done) return;
    this.#done = true;
    try {
      void Promise.resolve(this.#iterator.return?.()).catch(() => undefined);
    } catch {
      // The map is stopping anyway; an iterable that fails to clean up changes nothing.
    }
  }

  async #read(): Promise<void> {
    const sink = this.#sink;
    try {
      while (sink.isFeeding() && (this.#pending.length > 0 || sink.hasRoom())) {
        if (this.#pending.length === 0) this.#pendingSince = performance.now();
        let step: IteratorResult<unknown>;
        try {
          step = await this.#iterator.next();
        } catch (error) {
          this.#done = true;
          if (sink.isFeeding()) this.#flushOrEnd(error, true);
          return;
        }
        if (!sink.isFeeding()) return;
        if (step.done === true) {
          this.#done = true;
          this.#flushOrEnd(undefined, true);
          return;
        }
        this.#pending.push(step.value);
        if (this.#pending.length >= sink.getChunksize()) this.flush();
        else this.#stallTimer ??= setTimeout(this.#onStall, AUTO_CHUNK_TARGET_MS).unref();
      }
    } catch (error) {
      // A submit failed (a bad starmap item, or the executor shut down).
      sink.end(error);
    }
  }

  /** Submits the gathered items; then ends the input if `end` (with `error`) or on failure. */
  #flushOrEnd(error: unknown, end: boolean): void {
    try {
      this.flush();
    } catch (submitError) {
      this.#sink.end(submitError);
      return;
    }
    if (end) this.#sink.end(error);
  }

  #clearTimer(): void {
    if (this.#stallTimer !== undefined) clearTimeout(this.#stallTimer);
    this.#stallTimer = undefined;
  }
}
