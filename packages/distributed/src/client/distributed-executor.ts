// Main side: DistributedExecutor, the Executor contract over BullMQ on Redis. Tasks become
// jobs; workers on any machine run them; results come back through the queue's events.
import { randomUUID } from 'node:crypto';
import {
  InvalidStateError,
  isTaskReference,
  throwInvalid,
  TimeoutError,
  validateFunction,
} from '@concur/core';
import {
  BaseExecutor,
  Future,
  MAX_AUTO_CHUNKSIZE,
  TaskQueue,
  type ExecutorState,
  type ShutdownOptions,
  type TaskOptions,
  type WorkerTask,
} from '@concur/executors';
import { redactText } from '../connection/redact.js';
import { encodeArguments } from '../protocol/encode-arguments.js';
import type { JobData } from '../protocol/job-data.js';
import { getTaskAddress } from '../task/get-task-address.js';
import { isRemoteTask, REMOTE_TASK_ADDRESS, type RemoteTask } from '../task/remote-task.js';
import { formatTaskAddress } from '../task/task-address.js';
import {
  resolveExecutorOptions,
  type DistributedExecutorOptions,
  type ResolvedExecutorOptions,
} from './executor-options.js';
import { settleFromFailure, settleFromReturnValue, type Settlement } from './outcome.js';
import {
  acquireQueueLink,
  type QueueLink,
  type QueueLinkLease,
  type QueueLinkListener,
} from './queue-link.js';

/**
 * How long, in milliseconds, a task whose future was aborted, timed out or cancelled too
 * late may keep its in-flight slot while its worker is asked to stop: long enough for a task
 * that honours `taskSignal()` to report back, short enough that one ignoring it cannot block
 * `shutdown()` (the worker's own timeout or stall handling deals with it afterwards).
 */
export const ABORT_GRACE_MS = 5_000;
/** How often, in milliseconds, the abort request is repeated during that grace period. */
const ABORT_REPEAT_MS = 500;

/** Tasks a DistributedExecutor runs: `remoteTask(...)`, or `defineTask` / `taskFrom` tasks in a package. */
export type DistributedTask = WorkerTask | RemoteTask;

/** A listener for a task's progress reports (see `reportProgress`). */
export type ProgressListener = (data: unknown) => void;

/** Where one submitted task is: waiting here, being added, in Redis, or settled. */
type Phase = 'local' | 'adding' | 'queued' | 'active' | 'settled';

interface Tracked {
  readonly future: Future<unknown>;
  readonly task: unknown;
  readonly args: unknown[];
  readonly chunk: boolean;
  readonly timeout: number;
  readonly signal: AbortSignal | undefined;
  phase: Phase;
  jobId: string | undefined;
  /** Settles when the job is in Redis (or failed to get there). */
  added: Promise<void> | undefined;
  taskName: string;
  timer: NodeJS.Timeout | undefined;
  /** Repeats the abort request of a task whose future is done while a worker still runs it. */
  abandon: NodeJS.Timeout | undefined;
  onAbort: (() => void) | undefined;
  progress: ProgressListener[] | undefined;
}

/**
 * Runs tasks on `concur-worker` processes on any number of machines, through BullMQ on
 * Redis, with the same contract as ThreadPoolExecutor: `submit`, `map`, `shutdown`,
 * futures, `wait` and `asCompleted` all work unchanged.
 *
 * @throws TypeError for a bad option (the connection's password is never echoed).
 * @example
 * await using executor = new DistributedExecutor({ connection: 'redis://127.0.0.1:6379', queue: 'jobs' });
 * const resize = remoteTask<(path: string, width: number) => string>('@acme/jobs#resize');
 * console.log(await executor.submit(resize, 'cat.png', 128));
 */
export class DistributedExecutor extends BaseExecutor<DistributedTask> {
  #state: ExecutorState = 'running';
  readonly #options: ResolvedExecutorOptions;
  readonly #listener: QueueLinkListener;
  readonly #lease: QueueLinkLease;
  readonly #link: QueueLink;
  readonly #clientId = randomUUID();
  readonly #waiting = new TaskQueue<Tracked>();
  readonly #jobs = new Map<string, Tracked>();
  readonly #byFuture = new WeakMap<Future<unknown>, Tracked>();
  #inRedis = 0;
  #nextJob = 0;
  #drainWaiters: (() => void)[] = [];
  #closing: Promise<void> | undefined;

  constructor(options: DistributedExecutorOptions) {
    super();
    this.#options = resolveExecutorOptions(options);
    this.#listener = this.#createListener();
    this.#lease = acquireQueueLink(this.#options.connection, this.#options.queue, this.#listener);
    this.#link = this.#lease.link;
  }

  /** The lifecycle state. */
  get state(): ExecutorState {
    return this.#state;
  }

  /** How many of this client's tasks may be in Redis at once (`maxInFlight`). */
  get maxWorkers(): number {
    return this.#options.maxInFlight;
  }

  /** The queue's name. */
  get queue(): string {
    return this.#options.queue;
  }

  /** The connection, with any password replaced by `***`. */
  get connectionDescription(): string {
    return this.#options.connection.description;
  }

  /**
   * Calls `listener(data)` for each `reportProgress(data)` the task of `future` makes.
   * @returns a function that removes the listener.
   * @throws TypeError when `future` was not made by this executor or `listener` is no function.
   * @example
   * const future = executor.submit(crunch, items);
   * executor.onProgress(future, (p) => console.log('progress', p));
   */
  onProgress(future: Future<unknown>, listener: ProgressListener): () => void {
    validateFunction('listener', listener, 'argument');
    const tracked = this.#byFuture.get(future);
    if (tracked === undefined)
      throwInvalid('future', 'a future from this executor', future, 'argument');
    (tracked.progress ??= []).push(listener);
    return () => {
      const index = tracked.progress?.indexOf(listener) ?? -1;
      if (index >= 0) tracked.progress!.splice(index, 1);
    };
  }

  protected schedule(
    task: unknown,
    args: unknown[],
    options: TaskOptions | undefined,
  ): Future<unknown> {
    return this.#enqueue(task, args, false, options);
  }

  protected scheduleChunk(task: unknown, argsList: unknown[][], options: TaskOptions | undefined) {
    return this.#enqueue(task, argsList, true, options) as Future<unknown[]>;
  }

  protected getAutoChunksize(length: number | undefined): number {
    // Each job costs a few Redis round trips, so known-length inputs are cut into about
    // one chunk per in-flight slot.
    if (length === undefined) return 1;
    return Math.max(1, Math.min(MAX_AUTO_CHUNKSIZE, Math.ceil(length / this.#options.maxInFlight)));
  }

  protected validateTask(task: unknown): void {
    if (!isRemoteTask(task) && !isTaskReference(task)) {
      throwInvalid(
        'task',
        'a task from remoteTask(), defineTask() or taskFrom()',
        task,
        'argument',
      );
    }
  }

  protected async close(options: Required<ShutdownOptions>): Promise<void> {
    if (this.#state === 'running') this.#state = 'shutting-down';
    if (options.cancelFutures) {
      for (const tracked of this.#waiting.drain()) tracked.future.cancel();
      for (const tracked of [...this.#jobs.values()]) void this.#cancelIfNotStarted(tracked);
    }
    const drained = new Promise<void>((resolve) => this.#drainWaiters.push(resolve));
    this.#checkDrained();
    this.#closing ??= drained
      .then(() => this.#lease.release())
      .then(() => {
        this.#state = 'shutdown';
      });
    if (options.wait) await this.#closing;
  }

  #enqueue(task: unknown, args: unknown[], chunk: boolean, options: TaskOptions | undefined) {
    if (this.#state !== 'running')
      throw new InvalidStateError('cannot schedule new futures after shutdown');
    this.validateTask(task);
    const future = new Future<unknown>();
    const tracked: Tracked = {
      future,
      task,
      args,
      chunk,
      timeout: options?.timeout ?? this.#options.defaultTimeout,
      signal: options?.signal,
      phase: 'local',
      jobId: undefined,
      added: undefined,
      taskName: isRemoteTask(task) ? formatTaskAddress(task[REMOTE_TASK_ADDRESS]) : 'task',
      timer: undefined,
      abandon: undefined,
      onAbort: undefined,
      progress: undefined,
    };
    this.#byFuture.set(future, tracked);
    const signal = tracked.signal;
    if (signal?.aborted) {
      future.cancel();
      return future;
    }
    if (signal !== undefined) {
      tracked.onAbort = () => {
        if (future.cancel()) return;
        if (!future.done()) future.setException(signal.reason);
        this.#abortRemote(tracked);
      };
      signal.addEventListener('abort', tracked.onAbort, { once: true });
    }
    future.addDoneCallback(() => this.#onFutureDone(tracked));
    this.#waiting.push(tracked);
    this.#pump();
    return future;
  }

  #pump(): void {
    while (this.#inRedis < this.#options.maxInFlight && this.#waiting.size > 0) {
      const tracked = this.#waiting.shift()!;
      if (tracked.phase === 'settled') continue;
      this.#inRedis++;
      tracked.phase = 'adding';
      void this.#send(tracked);
    }
    this.#checkDrained();
  }

  async #send(tracked: Tracked): Promise<void> {
    let data: JobData;
    try {
      const address = await getTaskAddress(tracked.task);
      tracked.taskName = formatTaskAddress(address);
      data = {
        v: 1,
        task: address,
        args: encodeArguments(tracked.args, tracked.chunk, address.exportName),
        ...(tracked.chunk ? { chunk: true } : {}),
        ...(tracked.timeout === Infinity ? {} : { timeout: tracked.timeout }),
      };
    } catch (error) {
      this.#settle(tracked, { ok: false, error });
      return;
    }
    if (tracked.future.done()) {
      this.#settle(tracked, undefined);
      return;
    }
    const jobId = `${this.#clientId}-${++this.#nextJob}`;
    tracked.jobId = jobId;
    this.#jobs.set(jobId, tracked);
    tracked.added = this.#link.add(jobId, data);
    try {
      await tracked.added;
    } catch (error) {
      const message = redactText(String((error as Error)?.message ?? error));
      this.#settle(tracked, {
        ok: false,
        error: new Error(
          `Cannot queue task \`${tracked.taskName}\` on \`${this.#options.queue}\`: ${message}`,
        ),
      });
      return;
    }
    if (tracked.phase === 'adding') tracked.phase = 'queued';
    // Cancelled while the job was being added: take it back out.
    if (tracked.future.cancelled()) this.#withdraw(tracked);
  }

  /**
   * Cancels a task in Redis only when no worker has taken it: Redis, not this process's
   * view of events, decides whether it started (shutdown's `cancelFutures`).
   */
  async #cancelIfNotStarted(tracked: Tracked): Promise<void> {
    await tracked.added?.catch(() => undefined);
    if (tracked.phase !== 'queued' || tracked.future.state !== 'pending') return;
    if (!(await this.#link.remove(tracked.jobId!).catch(() => false))) return;
    this.#settle(tracked, undefined);
    tracked.future.cancel();
  }

  #onFutureDone(tracked: Tracked): void {
    if (!tracked.future.cancelled()) return;
    // Still here: it never reaches Redis (the pump skips settled entries).
    if (tracked.phase === 'local') this.#settle(tracked, undefined);
    else if (tracked.phase === 'queued' || tracked.phase === 'active') this.#withdraw(tracked);
  }

  /** Removes a cancelled job from the queue, or aborts it where a worker holds it already. */
  #withdraw(tracked: Tracked): void {
    const jobId = tracked.jobId!;
    this.#link.remove(jobId).then(
      (removed) => {
        if (removed) this.#settle(tracked, undefined);
        else this.#abortRemote(tracked);
      },
      () => this.#abortRemote(tracked),
    );
  }

  /**
   * Asks the worker holding the job to abort it, repeating the request (pub/sub is not
   * stored, so one sent while a worker reconnects is lost) until the worker reports or
   * ABORT_GRACE_MS passes; then the slot is freed and any late outcome ignored, so a task
   * that ignores its signal cannot hold shutdown hostage.
   */
  #abortRemote(tracked: Tracked): void {
    if (
      tracked.jobId === undefined ||
      tracked.phase === 'settled' ||
      tracked.abandon !== undefined
    ) {
      return;
    }
    const jobId = tracked.jobId;
    const publish = () => void this.#link.abort(jobId).catch(() => undefined);
    publish();
    const started = performance.now();
    tracked.abandon = setInterval(() => {
      if (performance.now() - started >= ABORT_GRACE_MS) this.#settle(tracked, undefined);
      else publish();
    }, ABORT_REPEAT_MS);
  }

  /** Finishes a tracked task once; later reports for it (a retried task finishing late) are ignored. */
  #settle(tracked: Tracked, settlement: Settlement | undefined): void {
    if (tracked.phase === 'settled') return;
    const wasInRedis = tracked.phase !== 'local';
    tracked.phase = 'settled';
    if (tracked.jobId !== undefined) this.#jobs.delete(tracked.jobId);
    if (tracked.timer !== undefined) clearTimeout(tracked.timer);
    if (tracked.abandon !== undefined) clearInterval(tracked.abandon);
    if (tracked.onAbort !== undefined)
      tracked.signal?.removeEventListener('abort', tracked.onAbort);
    tracked.progress = undefined;
    if (wasInRedis) this.#inRedis--;
    const future = tracked.future;
    if (settlement !== undefined && !future.done()) {
      if (future.state === 'pending') future.setRunningOrNotifyCancel();
      if (settlement.ok) future.setResult(settlement.value);
      else future.setException(settlement.error);
    }
    this.#pump();
  }

  #createListener(): QueueLinkListener {
    return {
      onActive: (jobId) => {
        const tracked = this.#jobs.get(jobId);
        if (tracked === undefined || tracked.phase === 'active') return;
        tracked.phase = 'active';
        if (tracked.future.state === 'pending') tracked.future.setRunningOrNotifyCancel();
        if (tracked.timeout !== Infinity && tracked.timer === undefined) {
          tracked.timer = setTimeout(() => {
            if (tracked.future.done()) return;
            tracked.future.setException(
              new TimeoutError(
                `task \`${tracked.taskName}\` timed out after ${tracked.timeout} ms`,
              ),
            );
            this.#abortRemote(tracked);
          }, tracked.timeout);
        }
      },
      onProgress: (jobId, data) => {
        for (const listener of [...(this.#jobs.get(jobId)?.progress ?? [])]) listener(data);
      },
      onCompleted: (jobId, returnValue) => {
        const tracked = this.#jobs.get(jobId);
        if (tracked !== undefined)
          this.#settle(tracked, settleFromReturnValue(returnValue, tracked.taskName));
      },
      onFailed: (jobId, failedReason) => {
        const tracked = this.#jobs.get(jobId);
        if (tracked !== undefined) void this.#settleFailed(tracked, failedReason, undefined);
      },
      onReconnected: () => void this.#reconcile(),
    };
  }

  async #settleFailed(tracked: Tracked, failedReason: string, processedBy: string | undefined) {
    let worker = processedBy;
    if (worker === undefined) {
      const record = await this.#link.getRecord(tracked.jobId!).catch(() => undefined);
      if (record?.state === 'failed') worker = record.processedBy;
    }
    this.#settle(
      tracked,
      settleFromFailure(
        failedReason,
        tracked.taskName,
        worker,
        "more times than the workers' `maxStalledCount` allows",
      ),
    );
  }

  /** After a reconnect: settles jobs whose events were missed, and fails jobs Redis lost. */
  async #reconcile(): Promise<void> {
    for (const tracked of [...this.#jobs.values()]) {
      if (tracked.phase !== 'queued' && tracked.phase !== 'active') continue;
      const record = await this.#link.getRecord(tracked.jobId!).catch(() => undefined);
      if (record === undefined || record.state === 'pending') continue;
      if (record.state === 'completed')
        this.#settle(tracked, settleFromReturnValue(record.returnValue, tracked.taskName));
      else if (record.state === 'failed')
        await this.#settleFailed(tracked, record.failedReason, record.processedBy);
      else {
        this.#settle(tracked, {
          ok: false,
          error: new Error(
            `task \`${tracked.taskName}\` was lost: Redis no longer has its job (it restarted without its data?)`,
          ),
        });
      }
    }
  }

  #checkDrained(): void {
    const busy = this.#inRedis > 0 || this.#waiting.size > 0;
    this.#link.setBusy(this.#listener, busy);
    if (this.#state === 'running' || busy) return;
    for (const resolve of this.#drainWaiters.splice(0)) resolve();
  }
}
