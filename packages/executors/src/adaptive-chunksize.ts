// Map's automatic chunksize for inputs of unknown length (generators, async iterables):
// one item per chunk at first, growing while chunks come back fast and the source keeps up.
import type { Future } from './future.js';

/** The largest chunksize `map` picks by itself: keeps first results and memory prompt. */
export const MAX_AUTO_CHUNKSIZE = 512;

/**
 * How long, in milliseconds, an automatically sized chunk should take to run, and to read
 * from its source. Long enough that per-message overhead (tens of µs on threads, about
 * 100 µs on processes) stays a few percent of a chunk, short enough that no worker sits idle
 * for long behind the last chunk and that an async source that stalls does not hold items
 * back: a chunk being gathered is sent as it is once its first item has waited this long.
 */
export const AUTO_CHUNK_TARGET_MS = 2;

/**
 * Sizes the chunks of one map whose input has no known length. Like TCP's slow start, the
 * first chunks hold one item (so the first result is as prompt as without chunks), and a
 * later chunk holds at most as many items as the consumer has received so far (so the map
 * never reads far ahead of a consumer that stops early), at most {@link MAX_AUTO_CHUNKSIZE},
 * and no more items than fit in {@link AUTO_CHUNK_TARGET_MS} at the per-item time the
 * latest chunk measured — both to run (its latency: task plus message overhead) and to read
 * from the source. Tiny tasks reach the cap within the first few thousand items; tasks of
 * a few milliseconds or more stay at one item.
 *
 * @example
 * const sizer = new AdaptiveChunksize(2);
 * sizer.size; // 1
 * sizer.delivered(40);
 * sizer.size; // 40, unless the chunks measured so far were slow
 */
export class AdaptiveChunksize {
  readonly #workers: number;
  /** How many results reached the consumer. */
  #delivered = 0;
  /** Items per chunk that the latest completed chunk says run within the target. */
  #taskLimit = Infinity;
  /** Items per chunk that the latest chunk read says the source yields within the target. */
  #sourceLimit = Infinity;
  /** Items of this map submitted and not yet done. */
  #itemsInFlight = 0;

  /** @param workers how many chunks run at once (the executor's `maxWorkers`). */
  constructor(workers: number) {
    this.#workers = Math.max(1, workers);
  }

  /** The size of the next chunk. */
  get size(): number {
    const limit = Math.min(MAX_AUTO_CHUNKSIZE, this.#taskLimit, this.#sourceLimit);
    return Math.max(1, Math.min(this.#delivered, limit));
  }

  /** Records that reading `items` items from the source took `elapsedMs`. */
  gathered(items: number, elapsedMs: number): void {
    this.#sourceLimit = Math.floor((AUTO_CHUNK_TARGET_MS * items) / elapsedMs);
  }

  /** Watches a chunk just submitted: when it completes, its latency refines the estimate. */
  track(future: Future<unknown>, items: number): void {
    const ahead = this.#itemsInFlight;
    this.#itemsInFlight += items;
    const submittedAt = performance.now();
    future.addDoneCallback((done) => {
      this.#itemsInFlight -= items;
      if (done.cancelled()) return;
      // The items ahead ran on `workers` workers at once, so they delayed this chunk by about
      // `ahead / workers` item-times. Other work on the executor only makes this estimate
      // larger, so it errs towards smaller chunks.
      const perItemMs = (performance.now() - submittedAt) / (ahead / this.#workers + items);
      this.#taskLimit = Math.floor(AUTO_CHUNK_TARGET_MS / perItemMs);
    });
  }

  /** Records that the consumer received the results of a chunk of `items` items. */
  delivered(items: number): void {
    this.#delivered += items;
  }
}
