// Shared error classes: each has a stable `name` and `code`, and takes a `cause`.

/** Options accepted by every concur error. */
export interface ConcurErrorOptions {
  /** The error that led to this one. */
  readonly cause?: unknown;
}

/**
 * Base class of every error concur raises itself. Catch it to handle any concur failure.
 *
 * @example
 * try { await future; } catch (error) { if (error instanceof ConcurError) console.log(error.code); }
 */
export class ConcurError extends Error {
  /** A stable, machine-readable code such as `ERR_CONCUR_TIMEOUT`. */
  readonly code: string = 'ERR_CONCUR';

  constructor(message: string, options?: ConcurErrorOptions) {
    super(message, options);
  }
}
Object.defineProperty(ConcurError.prototype, 'name', { value: 'ConcurError', writable: true });

function defineName(klass: { prototype: Error }, name: string): void {
  Object.defineProperty(klass.prototype, 'name', {
    value: name,
    writable: true,
    configurable: true,
  });
}

/**
 * The work was cancelled before it ran (Python's `concurrent.futures.CancelledError`).
 *
 * @example
 * if (future.cancel()) await future.result().catch((e) => e instanceof CancelledError); // true
 */
export class CancelledError extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_CANCELLED';
}
defineName(CancelledError, 'CancelledError');

/**
 * An operation did not finish within its timeout (Python's `TimeoutError`). The operation
 * itself may go on; only the wait ended.
 *
 * @example
 * await future.result(10).catch((e) => e instanceof TimeoutError);
 */
export class TimeoutError extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_TIMEOUT';
}
defineName(TimeoutError, 'TimeoutError');

/**
 * An object was used in a state that does not allow the operation, such as starting a
 * thread twice (Python's `InvalidStateError` / `RuntimeError`).
 *
 * @example
 * thread.start(); thread.start(); // throws InvalidStateError
 */
export class InvalidStateError extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_INVALID_STATE';
}
defineName(InvalidStateError, 'InvalidStateError');

/**
 * An executor can no longer run work, for example because its initializer failed
 * (Python's `BrokenExecutor`). Executors raise subclasses for threads and processes.
 *
 * @example
 * await future.catch((e) => e instanceof BrokenExecutorError);
 */
export class BrokenExecutorError extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_BROKEN_EXECUTOR';
}
defineName(BrokenExecutorError, 'BrokenExecutorError');

/** What is known about a worker that ended while it was running a task. */
export interface WorkerCrashDetails extends ConcurErrorOptions {
  /** The worker's exit code, or `null` when a signal ended it. */
  readonly exitCode: number | null;
  /** The signal that ended the worker, such as `SIGKILL`, or `null`. */
  readonly signal: NodeJS.Signals | null;
  /** The export name of the task that was running, when known. */
  readonly taskName?: string;
  /** The worker's name, such as `ThreadPoolExecutor-0_1`. */
  readonly workerName?: string;
}

/**
 * A worker thread or child process ended while running a task: `process.exit()`, an
 * out-of-memory abort, a signal. Only the task that was running fails with it.
 *
 * @example
 * await future.catch((e) => e instanceof WorkerCrashedError && e.exitCode); // 3
 */
export class WorkerCrashedError extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_WORKER_CRASHED';
  /** The worker's exit code, or `null` when a signal ended it. */
  readonly exitCode: number | null;
  /** The signal that ended the worker, or `null`. */
  readonly signal: NodeJS.Signals | null;
  /** The export name of the task that was running, when known. */
  readonly taskName: string | undefined;
  /** The name of the worker that crashed, when known. */
  readonly workerName: string | undefined;

  constructor(details: WorkerCrashDetails, message?: string) {
    super(message ?? describeCrash(details), details);
    this.exitCode = details.exitCode;
    this.signal = details.signal;
    this.taskName = details.taskName;
    this.workerName = details.workerName;
  }
}
defineName(WorkerCrashedError, 'WorkerCrashedError');

function describeCrash(details: WorkerCrashDetails): string {
  const task = details.taskName === undefined ? 'task' : `task \`${details.taskName}\``;
  const worker = details.workerName === undefined ? 'worker' : `worker \`${details.workerName}\``;
  const how =
    details.signal !== null
      ? `was killed by ${details.signal}`
      : `exited with code ${details.exitCode}`;
  return `${task} failed: ${worker} ${how}`;
}
