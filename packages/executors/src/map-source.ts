// The synchronous input of a map, read a chunk at a time: an array (by index, so a shutdown
// can still submit the rest) or any other sync iterable (through its iterator).

/**
 * Reads a map's array or sync iterable in chunks. An error thrown by the iterable ends the
 * input after the items read before it, which are returned first, so they still run.
 */
export class SyncSource {
  #array: ArrayLike<unknown> | undefined;
  #index = 0;
  #iterator: Iterator<unknown> | undefined;
  #done = false;
  #failure: { error: unknown } | undefined;

  constructor(source: Iterable<unknown>) {
    if (Array.isArray(source)) this.#array = source;
    else this.#iterator = source[Symbol.iterator]();
  }

  /** Whether the input is in memory already (an array): a shutdown submits the rest at once. */
  get inMemory(): boolean {
    return this.#array !== undefined;
  }

  /** Whether the input is used up (or failed, or closed). */
  get done(): boolean {
    return this.#done;
  }

  /** The error the iterable threw, once it has. */
  get failure(): { error: unknown } | undefined {
    return this.#failure;
  }

  /** Reads up to `max` items; fewer only at the end of the input or on its error. */
  take(max: number): unknown[] {
    const items: unknown[] = [];
    const array = this.#array;
    if (array !== undefined) {
      const end = Math.min(array.length, this.#index + max);
      for (let i = this.#index; i < end; i++) items.push(array[i]);
      this.#index = end;
      if (end >= array.length) this.#done = true;
      return items;
    }
    if (this.#done) return items;
    try {
      while (items.length < max) {
        const step = this.#iterator!.next();
        if (step.done === true) {
          this.#done = true;
          break;
        }
        items.push(step.value);
      }
    } catch (error) {
      this.#done = true;
      this.#failure = { error };
    }
    return items;
  }

  /** Stops reading: lets the iterable clean up (`return()`), ignoring its errors. */
  close(): void {
    const wasReading = !this.#done;
    this.#done = true;
    this.#array = undefined;
    if (!wasReading || this.#iterator === undefined) return;
    try {
      this.#iterator.return?.();
    } catch {
      // The map is stopping anyway; an iterable that fails to clean up changes nothing.
    }
  }
}
