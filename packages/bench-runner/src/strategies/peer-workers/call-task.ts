// Worker side, shared by every peer and raw worker file: looks up a task by its spec (module
// imported once) and calls it, so all runtimes run the very same function.
import { getLoadedTask, loadTask, type TaskSpec } from '@concur/core';

/** A task call as the peer workers receive it. */
export interface PeerCall {
  readonly task: TaskSpec;
  readonly args: readonly unknown[];
}

/**
 * Calls the task; synchronous after the first call of a task (no import, no extra promise).
 * @example
 * await callTask({ task: spec, args: [1] });
 */
export function callTask({ task, args }: PeerCall): unknown {
  const loaded = getLoadedTask(task);
  if (loaded !== undefined) return loaded(...args);
  return loadTask(task).then((fn) => fn(...args));
}
