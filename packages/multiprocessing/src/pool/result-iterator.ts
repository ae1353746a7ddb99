// The async iterator `imap` and `imapUnordered` return: chunk results arrive in any order;
// `imap` yields them in input order, `imapUnordered` as they arrive. Errors are thrown when reached.
import type { JobOutcome } from './pool-job.js';

interface Arrival {
  readonly start: number;
  readonly outcome: JobOutcome;
}

/**
 * Results of `imap` / `imapUnordered` as an async iterator.
 * @example
 * for await (const value of pool.imap(square, [1, 2, 3])) console.log(value);
 */
export class ResultIterator<T> implements AsyncIterableIterator<T> {
  readonly #ordered: boolean;
  readonly #total: number;
  #yielded = 0;
  /** Ordered mode: chunk outcomes by their start index. */
  readonly #byStart = new Map<number, JobOutcome>();
  /** Unordered mode: chunk outcomes in arrival order. */
  readonly #arrivals: Arrival[] = [];
  /** Values of the chunk being yielded. */
  #current: readonly T[] = [];
  #currentIndex = 0;
  #failed = false;
  #wake: (() => void) | undefined;

  /** @internal Created by the pool. */
  constructor(total: number, ordered: boolean) {
    this.#total = total;
    this.#ordered = ordered;
  }

  /** @internal Records a chunk's outcome; `start` is its first item's index. */
  deliver(start: number, outcome: JobOutcome): void {
    if (this.#ordered) this.#byStart.set(start, outcome);
    else this.#arrivals.push({ start, outcome });
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      if (this.#failed || this.#yielded >= this.#total) return { done: true, value: undefined };
      if (this.#currentIndex < this.#current.length) {
        this.#yielded += 1;
        return { done: false, value: this.#current[this.#currentIndex++]! };
      }
      const outcome = this.#takeNext();
      if (outcome === undefined) {
        await new Promise<void>((resolve) => (this.#wake = resolve));
        continue;
      }
      if (!outcome.ok) {
        this.#failed = true;
        throw outcome.error;
      }
      this.#current = outcome.value as T[];
      this.#currentIndex = 0;
    }
  }

  /** Stops iterating early; the remaining results are dropped as they arrive. */
  async return(): Promise<IteratorResult<T>> {
    this.#failed = true;
    return { done: true, value: undefined };
  }

  #takeNext(): JobOutcome | undefined {
    if (!this.#ordered) return this.#arrivals.shift()?.outcome;
    const outcome = this.#byStart.get(this.#yielded);
    if (outcome !== undefined) this.#byStart.delete(this.#yielded);
    return outcome;
  }
}
