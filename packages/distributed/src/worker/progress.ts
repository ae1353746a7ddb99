// Worker side: `reportProgress(data)` lets a running task send progress to its future's
// `onProgress` listener on the client, found through the task's async context.
import { AsyncLocalStorage } from 'node:async_hooks';

/** Where a running task's progress goes (the BullMQ job's `updateProgress`). */
export type ProgressSink = (data: number | object) => Promise<void>;

const storage = new AsyncLocalStorage<ProgressSink>();

/** Runs `fn` so that {@link reportProgress} calls made by it reach `sink` (worker only). */
export function runWithProgressSink<R>(sink: ProgressSink, fn: () => R): R {
  return storage.run(sink, fn);
}

/**
 * Reports progress of the running task to the client that submitted it (its
 * `onProgress` listener). Outside a distributed task it does nothing and returns `false`.
 *
 * @param data - a number (such as a percentage) or a JSON-serializable object.
 * @returns whether the report was sent (it is delivered asynchronously, at most once).
 * @throws TypeError when `data` is neither a number nor an object.
 * @example
 * export const crunch = defineTask(import.meta.url, async (items: string[]) => {
 *   for (const [i, item] of items.entries()) { await work(item); reportProgress((i + 1) / items.length); }
 * });
 */
export function reportProgress(data: number | object): boolean {
  if (typeof data !== 'number' && (typeof data !== 'object' || data === null)) {
    throw new TypeError(
      `Expected the \`data\` argument to be a number or an object, got \`${String(data)}\` (${data === null ? 'null' : typeof data}).`,
    );
  }
  const sink = storage.getStore();
  if (sink === undefined) return false;
  // A lost progress update must never fail the task; the result still arrives.
  sink(data).catch(() => undefined);
  return true;
}
