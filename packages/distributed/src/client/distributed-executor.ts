// Main side: DistributedExecutor, the Executor contract over BullMQ on Redis. Tasks become
// jobs; workers on any machine run them; results come back through the queue's events.
import { InvalidStateError, isTaskReference, throwInvalid, validateFunction } from '@concur/core';
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
import type { Settlement } from './outcome.js';
import { acquireQueueLink, type QueueLinkLease, type QueueLinkListener } from './queue-link.js';
import { RemoteJobs } from './remote-jobs.js';
import {
  createTrackedTask,
  finishTrackedTask,
  type ProgressListener,
  type TrackedTask,
} from './tracked-task.js';

/** Tasks a DistributedExecutor runs: `remoteTask(...)`, or `defineTask` / `taskFrom` tasks in a package. */
export type DistributedTask = WorkerTask | RemoteTask;

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
  readonly #jobs: RemoteJobs;
  readonly #listener: QueueLinkListener;
  readonly #events: QueueLinkListener;
  readonly #lease: QueueLinkLease;
  readonly #waiting = new TaskQueue<TrackedTask>();
  readonly #byFuture = new WeakMap<Future<unknown>, TrackedTask>();
  /** Tasks holding an in-flight slot: being added, in Redis, or being aborted. */
  #inFlight = 0;
  #drainWaiters: (() => void)[] = [];
  #closing: Promise<void> | undefined;

  constructor(options: DistributedExecutorOptions) {
    super();
    this.#options = resolveExecutorOptions(options);
    // The link exists before the jobs that listen to it, so events go through this forwarder.
    const forward: QueueLinkListener = {
      onActive: (id) => this.#events.onActive(id),
      onProgress: (id, data) => this.#events.onProgress(id, data),
      onCompleted: (id, value) => this.#events.onCompleted(id, value),
      onFailed: (id, reason) => this.#events.onFailed(id, reason),
      onReconnected: () => this.#events.onReconnected(),
    };
    this.#listener = forward;
    this.#lease = acquireQueueLink(this.#options.connection, this.#options.queue, forward);
    this.#jobs = new RemoteJobs(this.#lease.link, this.#options.queue, (t, s) =>
      this.#settle(t, s),
    );
    this.#events = this.#jobs.createListener();
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
    if (tracked === undefined) {
      throwInvalid('future', 'a future from this executor', future, 'argument');
    }
    (tracked.progress ??= []).push(listener);
    return () => {
      const index = tracked.progress?.indexOf(listener) ?? -1;
      if (index >= 0) tracked.progress!.splice(index, 1);
    };
  }

  protected schedule(task: unknown, args: unknown[], options: TaskOptions | undefined) {
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
      for (const tracked of this.#jobs.tasks) void this.#jobs.cancelIfNotStarted(tracked);
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
    if (this.#state !== 'running') {
      throw new InvalidStateError('cannot schedule new futures after shutdown');
    }
    this.validateTask(task);
    const future = new Future<unknown>();
    const signal = options?.signal;
    const tracked = createTrackedTask(future, {
      task,
      args,
      chunk,
      timeout: options?.timeout ?? this.#options.defaultTimeout,
      signal,
      taskName: isRemoteTask(task) ? formatTaskAddress(task[REMOTE_TASK_ADDRESS]) : 'task',
    });
    this.#byFuture.set(future, tracked);
    if (signal?.aborted) {
      future.cancel();
      return future;
    }
    if (signal !== undefined) {
      tracked.onAbort = () => {
        if (future.cancel()) return;
        if (!future.done()) future.setException(signal.reason);
        this.#jobs.abort(tracked);
      };
      signal.addEventListener('abort', tracked.onAbort, { once: true });
    }
    future.addDoneCallback(() => this.#onFutureDone(tracked));
    this.#waiting.push(tracked);
    this.#pump();
    return future;
  }

  #pump(): void {
    while (this.#inFlight < this.#options.maxInFlight && this.#waiting.size > 0) {
      const tracked = this.#waiting.shift()!;
      if (tracked.phase === 'settled') continue;
      this.#inFlight++;
      tracked.phase = 'adding';
      void this.#send(tracked);
    }
    this.#checkDrained();
  }

  async #send(tracked: TrackedTask): Promise<void> {
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
    if (tracked.future.done()) this.#settle(tracked, undefined);
    else await this.#jobs.add(tracked, data);
  }

  #onFutureDone(tracked: TrackedTask): void {
    if (!tracked.future.cancelled()) return;
    // Still waiting here: it never reaches Redis (the pump skips settled entries).
    if (tracked.phase === 'local') this.#settle(tracked, undefined);
    else if (tracked.phase === 'queued' || tracked.phase === 'active') this.#jobs.withdraw(tracked);
  }

  /** Finishes a task once; later reports for it (a retried task finishing late) are ignored. */
  #settle(tracked: TrackedTask, settlement: Settlement | undefined): void {
    const phase = finishTrackedTask(tracked, settlement);
    if (phase === undefined) return;
    this.#jobs.forget(tracked);
    if (phase !== 'local') this.#inFlight--;
    this.#pump();
  }

  #checkDrained(): void {
    const busy = this.#inFlight > 0 || this.#waiting.size > 0;
    this.#lease.link.setBusy(this.#listener, busy);
    if (this.#state === 'running' || busy) return;
    for (const resolve of this.#drainWaiters.splice(0)) resolve();
  }
}
