// The error a worker reports when it cannot find or import the task a job names.
import { ConcurError, registerErrorClass, type ConcurErrorOptions } from '@concur/core';

/** Details of a {@link TaskLoadError}. */
export interface TaskLoadErrorDetails extends ConcurErrorOptions {
  /** The task as the job named it, e.g. `@acme/jobs#resize`. */
  readonly taskName: string;
  /** The worker that tried, e.g. `build-7:4121`. */
  readonly workerName: string;
}

/**
 * A worker could not load the task a job names (package not installed there, no such
 * file or export). The future fails with it; other tasks go on.
 *
 * @example
 * await future.catch((e) => e instanceof TaskLoadError && console.log(e.workerName));
 */
export class TaskLoadError extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_TASK_LOAD';
  /** The task as the job named it. */
  readonly taskName: string;
  /** The worker that could not load it. */
  readonly workerName: string;

  constructor(details: TaskLoadErrorDetails, message?: string) {
    super(
      message ??
        `Worker \`${details.workerName}\` cannot load task \`${details.taskName}\`: ${
          (details.cause as Error | undefined)?.message ?? String(details.cause)
        }`,
      details,
    );
    this.taskName = details.taskName;
    this.workerName = details.workerName;
  }
}
Object.defineProperty(TaskLoadError.prototype, 'name', {
  value: 'TaskLoadError',
  writable: true,
  configurable: true,
});
registerErrorClass(TaskLoadError);
