// The one worker pool behind ThreadPoolExecutor and ProcessPoolExecutor. It knows only the
// WorkerHandle interface: lazy start, direct dispatch to idle workers, one task per worker at
// a time (short ones sent ahead), crash replacement, abort / timeout, idle unref, shutdown.
import {
  InvalidStateError,
  deserializeError,
  getResolvedTaskSpec,
  resolveTaskSpec,
  type WorkerExit,
  type WorkerResponse,
} from '@concur/core';
import type { TaskOptions } from './executor.js';
import { Future } from './future.js';
import { fillAhead, handBack, promoteNext, sendAhead, takeRunnable } from './pool-pipeline.js';
import { PoolTask } from './pool-task.js';
import { PoolWorker, createCrashError } from './pool-worker.js';
import { abortTask, startTaskTimeout } from './task-abort.js';
import { startWorkerHandle } from './pool-init.js';
import type { WorkerPoolOptions, WorkerPoolState } from './worker-pool-options.js';
import { TaskQueue } from './task-queue.js';
import { WorkerRoster } from './worker-roster.js';
import { SignalMembership } from './pool-signal.js';

export type { WorkerPoolOptions, WorkerPoolState } from './worker-pool-options.js';

/** Runs tasks on up to `maxWorkers` workers made by a {@link WorkerHandleFactory}. */
export class WorkerPool {
  #state: WorkerPoolState = 'running';
  readonly #options: WorkerPoolOptions;
  readonly #queue = new TaskQueue<PoolTask>();
  readonly #workers: WorkerRoster;
  #nextTaskId = 1;
  #flushScheduled = false;
  #broken: { message: string; cause: unknown } | undefined;
  #drainWaiters: (() => void)[] = [];
  #terminating = false; // workers are being killed: work handed back is cancelled, not rerun
  /** SIGINT / SIGTERM: cancel queued work, let running tasks finish, or kill when forced. */
  readonly #signal = new SignalMembership(
    () => this.#workers.busyCount,
    (kill) => this.shutdown(true, true, kill),
  );
  readonly #flush = () => {
    this.#flushScheduled = false;
    this.#dispatch();
  };

  constructor(options: WorkerPoolOptions) {
    this.#options = options;
    this.#workers = new WorkerRoster(options.namePrefix, options.idleTimeoutMs);
  }

  /** The lifecycle state. */
  get state(): WorkerPoolState {
    return this.#state;
  }

  /** How many workers exist now (starting, idle, busy or stopping). */
  get workerCount(): number {
    return this.#workers.all.size;
  }

  /**
   * Queues a task and returns its future. Dispatch happens at the end of this tick, so the
   * submits of one tick go out together and a just-submitted future can still be cancelled.
   * @throws InvalidStateError after shutdown; BrokenExecutorError when broken; TypeError
   * when `task` is not a task.
   */
  submit(
    task: unknown,
    args: unknown[],
    chunk: boolean,
    options: TaskOptions | undefined,
  ): Future<unknown> {
    if (this.#state !== 'running') throw this.#refusal();
    const spec = getResolvedTaskSpec(task);
    const future = new Future<unknown>();
    const item = new PoolTask(future, task, spec, args, chunk, options);
    item.id = this.#nextTaskId++;
    if (options?.signal !== undefined) {
      if (options.signal.aborted) {
        future.cancel();
        return future;
      }
      item.onAbort = () => abortTask(item, options.signal!.reason);
      options.signal.addEventListener('abort', item.onAbort, { once: true });
    }
    if (spec === undefined) this.#resolve(item);
    this.#queue.push(item);
    this.#scheduleFlush();
    return future;
  }

  /**
   * Stops accepting work; cancels queued work when asked; stops workers once the queue is
   * empty, or kills them now when `kill` (a forced signal shutdown: work sent ahead is
   * cancelled too). Resolves when every worker has exited (immediately when `wait` is false).
   */
  async shutdown(wait: boolean, cancelFutures: boolean, kill = false): Promise<void> {
    if (this.#state === 'running') this.#state = 'shutting-down';
    this.#terminating ||= kill;
    if (cancelFutures || kill) for (const item of this.#queue.drain()) item.cancelQueued();
    if (kill) void this.#workers.killAll();
    else this.#workers.stopIdle();
    this.#checkDrained();
    if (wait && this.#workers.all.size + this.#queue.size > 0) {
      await new Promise<void>((resolve) => this.#drainWaiters.push(resolve));
    }
  }

  #refusal(): Error {
    if (this.#broken !== undefined) {
      return this.#options.createBrokenError(this.#broken.message, this.#broken.cause);
    }
    return new InvalidStateError('cannot schedule new futures after shutdown');
  }

  /**
   * Finds the export name of a task submitted for the first time. The task waits in the
   * queue meanwhile (holding back those behind it, so submission order is kept).
   */
  #resolve(item: PoolTask): void {
    resolveTaskSpec(item.task).then(
      (spec) => {
        item.spec = spec;
        this.#scheduleFlush();
      },
      (error: unknown) => {
        item.release();
        if (!item.future.done()) item.future.setException(error);
        this.#scheduleFlush();
      },
    );
  }

  #scheduleFlush(): void {
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      queueMicrotask(this.#flush);
    }
  }

  #dispatch(): void {
    const idle = this.#workers.idle;
    while (this.#queue.size > 0 && idle.length > 0) {
      // false: nothing runnable now (the queue's head is still resolving, or it emptied).
      if (!this.#runNext(idle.pop()!)) break;
    }
    fillAhead(this.#workers.all, this.#queue, this.#sendAhead);
    this.#growIfNeeded();
    this.#checkDrained();
  }

  /** Gives `worker` the next runnable task; returns false (worker left idle) when none. */
  #runNext(worker: PoolWorker): boolean {
    for (
      let item = takeRunnable(this.#queue);
      item !== undefined;
      item = takeRunnable(this.#queue)
    ) {
      if (item.sendTo(worker, this.#options.kind)) return this.#assign(worker, item);
    }
    this.#becomeIdle(worker);
    return false;
  }

  #assign(worker: PoolWorker, item: PoolTask): true {
    item.worker = worker;
    worker.current = item;
    worker.currentSince = performance.now();
    worker.state = 'busy';
    worker.setReferenced(true);
    startTaskTimeout(item);
    return true;
  }

  readonly #sendAhead = (worker: PoolWorker) => sendAhead(worker, this.#takeAhead, this.#options);
  readonly #takeAhead = () => takeRunnable(this.#queue, true);

  /** An idle worker: stop it when the pool is closing, else park it (unreferenced). */
  #becomeIdle(worker: PoolWorker): void {
    if (this.#state !== 'running' && this.#queue.size === 0) this.#workers.stop(worker);
    else this.#workers.park(worker);
  }

  #growIfNeeded(): void {
    if (this.#state === 'broken') return;
    const workers = this.#workers;
    while (this.#queue.size > workers.starting && workers.live < this.#options.maxWorkers) {
      this.#startWorker();
    }
  }

  #startWorker(): void {
    const name = this.#workers.nextName();
    let worker: PoolWorker;
    try {
      worker = new PoolWorker(this.#options.factory({ name }));
    } catch (error) {
      this.#breakPool(`could not create worker \`${name}\``, error);
      return;
    }
    this.#workers.add(worker);
    this.#signal.join();
    worker.handle.setListener({
      onMessage: (message) => this.#onMessage(worker, message),
      onExit: (exit) => this.#onExit(worker, exit),
      onError: (error) => (worker.lastError = error),
    });
    worker.setReferenced(true);
    startWorkerHandle(worker.handle, this.#options, name, (message, error) =>
      this.#breakPool(message, error),
    );
  }

  #onMessage(worker: PoolWorker, message: WorkerResponse): void {
    switch (message.type) {
      case 'result':
        this.#settle(worker, message.id, false, message.value);
        break;
      case 'ready':
        if (!this.#workers.markReady(worker)) break;
        this.#runNext(worker);
        this.#growIfNeeded();
        break;
      case 'init-failed':
        // Only a starting worker runs its initializer; from a running one this is forged.
        if (worker.state !== 'starting') break;
        this.#breakPool(
          `the initializer failed in worker \`${worker.name}\``,
          deserializeError(message.error, this.#origin(worker)),
        );
        break;
      case 'error':
        this.#settle(worker, message.id, true, message.error);
        break;
      case 'results':
        for (const response of message.responses) this.#onMessage(worker, response);
        break;
    }
  }

  #settle(worker: PoolWorker, id: number, failed: boolean, payload: unknown): void {
    const item = worker.current;
    if (item === undefined || item.id !== id) return;
    promoteNext(worker);
    item.release();
    const future = item.future;
    if (!future.done()) {
      if (failed) future.setException(deserializeError(payload as never, this.#origin(worker)));
      else future.setResult(payload);
    }
    if (worker.state !== 'busy') return;
    if (worker.current !== undefined) sendAhead(worker, this.#takeAhead, this.#options, true);
    else if (worker.tasksRun >= this.#options.maxTasksPerWorker) {
      this.#workers.stop(worker);
      this.#growIfNeeded();
    } else if (this.#runNext(worker)) this.#sendAhead(worker);
    this.#checkDrained();
  }

  #onExit(worker: PoolWorker, exit: WorkerExit): void {
    const wasStarting = this.#workers.remove(worker);
    const item = worker.current;
    worker.current = undefined;
    handBack(worker, this.#queue);
    if (this.#terminating) for (const queued of this.#queue.drain()) queued.cancelQueued();
    if (this.#workers.all.size === 0) this.#signal.leave();
    if (item !== undefined) {
      item.release();
      if (!item.future.done()) item.future.setException(createCrashError(worker, item.name, exit));
    } else if (wasStarting && this.#broken === undefined) {
      const how =
        exit.signal === null ? `exited with code ${exit.exitCode}` : `was killed by ${exit.signal}`;
      this.#breakPool(`worker \`${worker.name}\` ${how} before it was ready`, worker.lastError);
    }
    this.#dispatch();
  }

  #breakPool(message: string, cause: unknown): void {
    if (this.#broken !== undefined) return;
    this.#broken = { message, cause };
    this.#state = 'broken';
    for (const item of this.#queue.drain()) item.failQueued(this.#refusal());
    for (const worker of [...this.#workers.all]) {
      if (worker.state === 'idle' || worker.state === 'starting') this.#workers.stop(worker);
    }
    this.#workers.idle.length = 0;
    this.#checkDrained();
  }

  #origin = (worker: PoolWorker) => `${this.#options.kind} "${worker.name}"`;

  #checkDrained(): void {
    if (this.#state === 'running') return;
    if (this.#workers.all.size + this.#queue.size > 0) return;
    if (this.#state === 'shutting-down') this.#state = 'shutdown';
    for (const resolve of this.#drainWaiters.splice(0)) resolve();
  }
}
