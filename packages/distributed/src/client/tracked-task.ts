// Main side: what the executor knows about one submitted task, from its future to its job
// in Redis, and how it is finished exactly once.
import type { Future } from '@concur/executors';
import type { Settlement } from './outcome.js';

/** A listener for a task's progress reports (see `reportProgress`). */
export type ProgressListener = (data: unknown) => void;

/** Where one submitted task is: waiting here, being added, in Redis, or settled. */
export type Phase = 'local' | 'adding' | 'queued' | 'active' | 'settled';

/** One submitted task. */
export interface TrackedTask {
  readonly future: Future<unknown>;
  readonly task: unknown;
  readonly args: unknown[];
  readonly chunk: boolean;
  /** Milliseconds the task may run once started, or Infinity. */
  readonly timeout: number;
  readonly signal: AbortSignal | undefined;
  phase: Phase;
  jobId: string | undefined;
  /** Settles when the job is in Redis (or failed to get there). */
  added: Promise<void> | undefined;
  /** The task as messages name it (`@acme/jobs#resize`). */
  taskName: string;
  /** The client-side deadline, from when a worker started the task. */
  timer: NodeJS.Timeout | undefined;
  /** Repeats the abort request of a task whose future is done while a worker still runs it. */
  abandon: NodeJS.Timeout | undefined;
  onAbort: (() => void) | undefined;
  progress: ProgressListener[] | undefined;
}

/** Creates the record of a task that waits here for an in-flight slot. */
export function createTrackedTask(
  future: Future<unknown>,
  fields: Pick<TrackedTask, 'task' | 'args' | 'chunk' | 'timeout' | 'signal' | 'taskName'>,
): TrackedTask {
  return {
    future,
    ...fields,
    phase: 'local',
    jobId: undefined,
    added: undefined,
    timer: undefined,
    abandon: undefined,
    onAbort: undefined,
    progress: undefined,
  };
}

/**
 * Marks a task settled, stops its timers and listeners, and settles its future unless it
 * is done already (cancelled, aborted or timed out here first).
 * @returns the phase it was in, or `undefined` when it was settled before (then nothing happens).
 */
export function finishTrackedTask(
  tracked: TrackedTask,
  settlement: Settlement | undefined,
): Phase | undefined {
  const phase = tracked.phase;
  if (phase === 'settled') return undefined;
  tracked.phase = 'settled';
  if (tracked.timer !== undefined) clearTimeout(tracked.timer);
  if (tracked.abandon !== undefined) clearInterval(tracked.abandon);
  if (tracked.onAbort !== undefined) tracked.signal?.removeEventListener('abort', tracked.onAbort);
  tracked.progress = undefined;
  const future = tracked.future;
  if (settlement !== undefined && !future.done()) {
    if (future.state === 'pending') future.setRunningOrNotifyCancel();
    if (settlement.ok) future.setResult(settlement.value);
    else future.setException(settlement.error);
  }
  return phase;
}
