// The running task's context on the worker side: its abort signal, reachable through
// `taskSignal()` without changing the task's Python-shaped signature.

/** What the worker loop knows about one running task. */
export interface RunningTask {
  readonly id: number;
  controller: AbortController | undefined;
  aborted: boolean;
}

let current: RunningTask | undefined;

/** Sets the task whose synchronous part is running now (worker loop only). */
export function enterTask(task: RunningTask | undefined): RunningTask | undefined {
  const previous = current;
  current = task;
  return previous;
}

/**
 * Returns the AbortSignal of the task that is running, so a long task can stop when its
 * future is cancelled with an AbortSignal or a timeout. Call it in the task's synchronous
 * part (before its first `await`) and keep the signal. Outside a task it returns a signal
 * that never aborts.
 *
 * @example
 * export const crawl = defineTask(import.meta.url, async (url: string) => {
 *   const signal = taskSignal();
 *   return (await fetch(url, { signal })).status;
 * });
 */
export function taskSignal(): AbortSignal {
  const task = current;
  if (task === undefined) return new AbortController().signal;
  if (task.controller === undefined) {
    task.controller = new AbortController();
    if (task.aborted) task.controller.abort(new Error('the task was aborted'));
  }
  return task.controller.signal;
}

/**
 * Calls `fn` as a task whose `taskSignal()` is `controller.signal`: for executors that run
 * tasks on this thread (such as `EventLoopExecutor`), so one task body works everywhere.
 * Only the synchronous part of `fn` sees the context, as in a worker.
 *
 * @example
 * const controller = new AbortController();
 * const result = callAsTask(controller, () => fn(...args));
 */
export function callAsTask<R>(controller: AbortController, fn: () => R): R {
  const previous = enterTask({ id: 0, controller, aborted: controller.signal.aborted });
  try {
    return fn();
  } finally {
    enterTask(previous);
  }
}
