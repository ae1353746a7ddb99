// Process bookkeeping shared by `Process` and the child side: the live children of this
// process, the `Process-N` counter, and the marker that rebuilds a subclass in its child.
import type { Process } from './process.js';

/** Started children that have not exited yet (for `activeChildren()`). */
export const activeProcesses = new Set<Process>();

let processCounter = 0;

/** The next number for a default `Process-N` name, counted per process as in Python. */
export function nextProcessNumber(): number {
  processCounter += 1;
  return processCounter;
}

/**
 * Passed to the `Process` constructor instead of options when the child rebuilds a
 * subclass instance (`Reflect.construct(Process, [REBUILD], Subclass)`), so the
 * subclass's own constructor does not run again.
 */
export const REBUILD: unique symbol = Symbol('concur.rebuildProcess') as never;

/**
 * Returns the started children of this process that have not exited yet (Python's
 * `multiprocessing.active_children()`).
 * @example
 * activeChildren().map((p) => p.name); // ['Process-1']
 */
export function activeChildren(): Process[] {
  return [...activeProcesses];
}
