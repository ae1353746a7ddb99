// How a Queue item becomes bytes and back: `v8.serialize`, refusing with a clear message
// what cannot be copied into shared memory (functions, and shared memory itself: sync
// primitives and SharedArrayBuffers can only reach a thread as its arguments).
import { describeValue, encodeRevivables } from '@concur/core';
import { deserialize, serialize } from 'node:v8';

/**
 * Serializes an item.
 * @throws TypeError when it holds a sync primitive or shared memory, or cannot be serialized.
 */
export function encodeQueueItem(item: unknown): Uint8Array {
  let holdsRevivable: boolean;
  try {
    holdsRevivable = encodeRevivables([item], 'thread').revivable;
  } catch {
    holdsRevivable = true;
  }
  if (holdsRevivable) {
    throw new TypeError(
      `Cannot put ${describeValue(item)} on a Queue: it holds a sync primitive or another object rebuilt per thread, which cannot be copied into shared memory. Pass it to the thread as an argument instead.`,
    );
  }
  try {
    return serialize(item);
  } catch (cause) {
    const message = (cause as Error).message;
    const hint = message.includes('SharedArrayBuffer')
      ? ' Shared memory cannot be copied into a Queue: pass it to the thread as an argument instead.'
      : ' Items must be structured-cloneable.';
    throw new TypeError(
      `Cannot put ${describeValue(item)} on a Queue: it cannot be serialized (${message}).${hint}`,
      { cause },
    );
  }
}

/** Rebuilds an item (a copy). */
export function decodeQueueItem(payload: Uint8Array): unknown {
  return deserialize(payload);
}
