// Who this process is: `currentProcess()`, `parentProcess()` and `isMainProcess()`, the same
// in the main process (`MainProcess`) and inside children started by this package.
import { getWorkerIdentity } from '@concur/core';
import {
  PARENT_NAME_VARIABLE,
  PARENT_PID_VARIABLE,
  PROCESS_NAME_VARIABLE,
} from '../process-environment.js';

/** A process's name and pid, as `currentProcess()` and `parentProcess()` report them. */
export interface ProcessIdentity {
  /** The process's name: `MainProcess`, `Process-1`, `SpawnPoolWorker-2`, … */
  readonly name: string;
  /** The operating-system process id. */
  readonly pid: number;
}

/**
 * Returns this process's name and pid (Python's `multiprocessing.current_process()`).
 * Inside a child the name is set before any of your modules load.
 *
 * @example
 * currentProcess().name; // 'MainProcess' in the parent, 'Process-1' in the first child
 */
export function currentProcess(): ProcessIdentity {
  return { name: getWorkerIdentity().processName, pid: process.pid };
}

/**
 * Returns the parent's name and pid inside a child, or `null` in the main process
 * (Python's `multiprocessing.parent_process()`).
 *
 * @example
 * parentProcess()?.name; // 'MainProcess' inside a child, undefined in the parent
 */
export function parentProcess(): ProcessIdentity | null {
  if (isMainProcess()) return null;
  return {
    name: process.env[PARENT_NAME_VARIABLE] ?? 'MainProcess',
    pid: Number(process.env[PARENT_PID_VARIABLE] ?? process.ppid),
  };
}

/**
 * Tells whether this is the main process rather than a child started by this package:
 * the process-level half of Python's `if __name__ == "__main__":`.
 *
 * @example
 * if (isMainProcess()) console.log('only the parent prints this');
 */
export function isMainProcess(): boolean {
  return process.env[PROCESS_NAME_VARIABLE] === undefined || typeof process.send !== 'function';
}
