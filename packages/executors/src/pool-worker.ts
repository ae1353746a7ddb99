// One worker as the pool sees it: its handle, lifecycle state and the task it runs.
import { WorkerCrashedError, type WorkerExit, type WorkerHandle } from '@concur/core';
import type { PoolTask } from './pool-task.js';

/** A pool worker's lifecycle, one field. */
export type PoolWorkerState = 'starting' | 'idle' | 'busy' | 'stopping';

/** The pool's record of one worker. */
export class PoolWorker {
  state: PoolWorkerState = 'starting';
  /** The task it runs (one at a time, as a Python pool thread or process does). */
  current: PoolTask | undefined = undefined;
  /**
   * Tasks sent ahead behind `current` (pipelining), oldest first: the worker starts each
   * once the one before it settled, so it never waits for the pool between short tasks.
   */
  readonly queued: PoolTask[] = [];
  /** Whether its last task settled within PIPELINE_MAX_TASK_MS (tasks may be sent ahead). */
  quick = false;
  /** `performance.now()` when `current` started, for `quick`. */
  currentSince = 0;
  /** Tasks finished, for `maxTasksPerChild`. */
  tasksRun = 0;
  /** Whether the handle keeps the event loop alive now. */
  referenced = false;
  /** `performance.now()` when it last became idle, for `idleTimeout`. */
  idleSince = 0;
  /** The last error the worker reported outside a task (e.g. out of memory). */
  lastError: Error | undefined = undefined;

  constructor(readonly handle: WorkerHandle) {}

  get name(): string {
    return this.handle.name;
  }

  /** Refs or unrefs the handle, only when that changes anything. */
  setReferenced(referenced: boolean): void {
    if (this.referenced === referenced) return;
    this.referenced = referenced;
    this.handle.setReferenced(referenced);
  }
}

/** The error for a task whose worker ended under it (exit code or signal, names, cause). */
export function createCrashError(
  worker: PoolWorker,
  taskName: string,
  exit: WorkerExit,
): WorkerCrashedError {
  return new WorkerCrashedError({
    exitCode: exit.exitCode,
    signal: exit.signal,
    taskName,
    workerName: worker.name,
    cause: worker.lastError,
  });
}
