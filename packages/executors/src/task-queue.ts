// An O(1) FIFO ring buffer: the pool's queue of tasks waiting for a worker. Array#shift is
// O(n) and dominates a burst of thousands of submits, so the buffer wraps and doubles.

const INITIAL_CAPACITY = 16;

/**
 * A first-in, first-out queue with O(1) `push` and `shift`, growing by doubling.
 *
 * @example
 * const queue = new TaskQueue<number>();
 * queue.push(1); queue.push(2);
 * queue.shift(); // 1
 */
export class TaskQueue<T> {
  #items: (T | undefined)[] = new Array<T | undefined>(INITIAL_CAPACITY);
  #head = 0;
  #size = 0;

  /** How many items are queued. */
  get size(): number {
    return this.#size;
  }

  /** Adds an item at the back. */
  push(item: T): void {
    if (this.#size === this.#items.length) this.#grow();
    this.#items[(this.#head + this.#size) & (this.#items.length - 1)] = item;
    this.#size++;
  }

  /** Adds an item at the front (a task handed back by a worker that never started it). */
  unshift(item: T): void {
    if (this.#size === this.#items.length) this.#grow();
    this.#head = (this.#head - 1) & (this.#items.length - 1);
    this.#items[this.#head] = item;
    this.#size++;
  }

  /** Removes and returns the item at the front, or `undefined` when empty. */
  shift(): T | undefined {
    if (this.#size === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head = (this.#head + 1) & (this.#items.length - 1);
    this.#size--;
    return item;
  }

  /** Returns the item at the front without removing it. */
  peek(): T | undefined {
    return this.#size === 0 ? undefined : this.#items[this.#head];
  }

  /** Removes every item and returns them in order. */
  drain(): T[] {
    const items: T[] = [];
    for (let item = this.shift(); item !== undefined; item = this.shift()) items.push(item);
    return items;
  }

  #grow(): void {
    // Capacity stays a power of two so wrapping is a bit mask.
    const grown = new Array<T | undefined>(this.#items.length * 2);
    for (let i = 0; i < this.#size; i++) {
      grown[i] = this.#items[(this.#head + i) & (this.#items.length - 1)];
    }
    this.#items = grown;
    this.#head = 0;
  }
}
