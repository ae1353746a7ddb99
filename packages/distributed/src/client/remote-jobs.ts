// Main side: one executor's jobs in Redis — adding them, hearing what happens to them
// (started, progress, finished, failed), cancelling, aborting, and catching up after a
// reconnect. Each job is settled once, through the executor.
import { randomUUID } from 'node:crypto';
import { TimeoutError } from '@concur/core';
import { redactText } from '../connection/redact.js';
import type { JobData } from '../protocol/job-data.js';
import { settleFromFailure, settleFromReturnValue, type Settlement } from './outcome.js';
import type { QueueLink, QueueLinkListener } from './queue-link.js';
import type { TrackedTask } from './tracked-task.js';

/**
 * How long, in milliseconds, a task whose future was aborted, timed out or cancelled too
 * late may keep its in-flight slot while its worker is asked to stop: long enough for a task
 * that honours `taskSignal()` to report back, short enough that one ignoring it cannot block
 * `shutdown()` (the worker's own timeout or stall handling deals with it afterwards).
 */
export const ABORT_GRACE_MS = 5_000;
/** How often, in milliseconds, the abort request is repeated during that grace period. */
const ABORT_REPEAT_MS = 500;
const STALL_HINT = "more times than the workers' `maxStalledCount` allows";

/** Settles a task (once) on behalf of the jobs. */
export type SettleTask = (tracked: TrackedTask, settlement: Settlement | undefined) => void;

/**
 * The jobs of one executor.
 * @example
 * const jobs = new RemoteJobs(link, 'jobs', settle);
 * await jobs.add(tracked, data);
 */
export class RemoteJobs {
  readonly #link: QueueLink;
  readonly #queue: string;
  readonly #settle: SettleTask;
  readonly #clientId = randomUUID();
  readonly #jobs = new Map<string, TrackedTask>();
  #nextJob = 0;

  constructor(link: QueueLink, queue: string, settle: SettleTask) {
    this.#link = link;
    this.#queue = queue;
    this.#settle = settle;
  }

  /** Every task with a job in Redis. */
  get tasks(): TrackedTask[] {
    return [...this.#jobs.values()];
  }

  /** Stops hearing about a settled task's job. */
  forget(tracked: TrackedTask): void {
    if (tracked.jobId !== undefined) this.#jobs.delete(tracked.jobId);
  }

  /** Adds the task's job; a task cancelled meanwhile is taken out again. */
  async add(tracked: TrackedTask, data: JobData): Promise<void> {
    const jobId = `${this.#clientId}-${++this.#nextJob}`;
    tracked.jobId = jobId;
    this.#jobs.set(jobId, tracked);
    tracked.added = this.#link.add(jobId, data);
    try {
      await tracked.added;
    } catch (error) {
      const message = redactText(String((error as Error)?.message ?? error));
      const reason = `Cannot queue task \`${tracked.taskName}\` on \`${this.#queue}\`: ${message}`;
      this.#settle(tracked, { ok: false, error: new Error(reason) });
      return;
    }
    if (tracked.phase === 'adding') tracked.phase = 'queued';
    if (tracked.future.cancelled()) this.withdraw(tracked);
  }

  /** Removes a cancelled job from the queue, or aborts it where a worker holds it already. */
  withdraw(tracked: TrackedTask): void {
    this.#link.remove(tracked.jobId!).then(
      (removed) => (removed ? this.#settle(tracked, undefined) : this.abort(tracked)),
      () => this.abort(tracked),
    );
  }

  /**
   * Cancels a task in Redis only when no worker has taken it: Redis, not this process's
   * view of events, decides whether it started (shutdown's `cancelFutures`).
   */
  async cancelIfNotStarted(tracked: TrackedTask): Promise<void> {
    await tracked.added?.catch(() => undefined);
    if (tracked.phase !== 'queued' || tracked.future.state !== 'pending') return;
    if (!(await this.#link.remove(tracked.jobId!).catch(() => false))) return;
    this.#settle(tracked, undefined);
    tracked.future.cancel();
  }

  /**
   * Asks the worker holding the job to abort it, repeating the request (pub/sub is not
   * stored, so one sent while a worker reconnects is lost) until the worker reports or
   * ABORT_GRACE_MS passes; then the slot is freed and any late outcome ignored.
   */
  abort(tracked: TrackedTask): void {
    const jobId = tracked.jobId;
    if (jobId === undefined || tracked.phase === 'settled' || tracked.abandon !== undefined) return;
    const publish = () => void this.#link.abort(jobId).catch(() => undefined);
    publish();
    const started = performance.now();
    tracked.abandon = setInterval(() => {
      if (performance.now() - started >= ABORT_GRACE_MS) this.#settle(tracked, undefined);
      else publish();
    }, ABORT_REPEAT_MS);
  }

  /** What the shared link calls with the queue's events (other clients' jobs are ignored). */
  createListener(): QueueLinkListener {
    return {
      onActive: (jobId) => {
        const tracked = this.#jobs.get(jobId);
        if (tracked !== undefined && tracked.phase !== 'active') this.#start(tracked);
      },
      onProgress: (jobId, data) => {
        for (const listener of [...(this.#jobs.get(jobId)?.progress ?? [])]) listener(data);
      },
      onCompleted: (jobId, returnValue) => {
        const tracked = this.#jobs.get(jobId);
        if (tracked === undefined) return;
        this.#settle(tracked, settleFromReturnValue(returnValue, tracked.taskName));
      },
      onFailed: (jobId, failedReason) => {
        const tracked = this.#jobs.get(jobId);
        if (tracked !== undefined) void this.#settleFailed(tracked, failedReason, undefined);
      },
      onReconnected: () => void this.#reconcile(),
    };
  }

  /** A worker took the job: the future runs, and its timeout starts counting. */
  #start(tracked: TrackedTask): void {
    tracked.phase = 'active';
    if (tracked.future.state === 'pending') tracked.future.setRunningOrNotifyCancel();
    if (tracked.timeout === Infinity || tracked.timer !== undefined) return;
    tracked.timer = setTimeout(() => {
      if (tracked.future.done()) return;
      const message = `task \`${tracked.taskName}\` timed out after ${tracked.timeout} ms`;
      tracked.future.setException(new TimeoutError(message));
      this.abort(tracked);
    }, tracked.timeout);
  }

  async #settleFailed(tracked: TrackedTask, reason: string, processedBy: string | undefined) {
    let worker = processedBy;
    if (worker === undefined) {
      const record = await this.#link.getRecord(tracked.jobId!).catch(() => undefined);
      if (record?.state === 'failed') worker = record.processedBy;
    }
    this.#settle(tracked, settleFromFailure(reason, tracked.taskName, worker, STALL_HINT));
  }

  /** After a reconnect: settles jobs whose events were missed, and fails jobs Redis lost. */
  async #reconcile(): Promise<void> {
    for (const tracked of this.tasks) {
      if (tracked.phase !== 'queued' && tracked.phase !== 'active') continue;
      const record = await this.#link.getRecord(tracked.jobId!).catch(() => undefined);
      if (record === undefined || record.state === 'pending') continue;
      if (record.state === 'completed') {
        this.#settle(tracked, settleFromReturnValue(record.returnValue, tracked.taskName));
      } else if (record.state === 'failed') {
        await this.#settleFailed(tracked, record.failedReason, record.processedBy);
      } else {
        const lost = `task \`${tracked.taskName}\` was lost: Redis no longer has its job (it restarted without its data?)`;
        this.#settle(tracked, { ok: false, error: new Error(lost) });
      }
    }
  }
}
