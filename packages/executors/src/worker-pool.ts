// The one worker pool behind ThreadPoolExecutor and ProcessPoolExecutor. It knows only
// the WorkerHandle interface: lazy start, direct dispatch to idle workers, one task per
// worker at a time, crash replacement, abort / timeout, idle unref, graceful shutdown.
import {
  CancelledError,
  InvalidStateError,
  TimeoutError,
  WorkerCrashedError,
  deserializeError,
  getResolvedTaskSpec,
  resolveTaskSpec,
  type BrokenExecutorError,
  type WorkerExit,
  type WorkerHandleFactory,
  type WorkerResponse,
} from '@concur/core';
import type { TaskOptions } from './executor.js';
import { Future } from './future.js';
import { PoolTask } from './pool-task.js';
import { PoolWorker } from './pool-worker.js';
import { createInitRequest, type PoolInitializer } from './pool-init.js';
import { TaskQueue } from './task-queue.js';

/**
 * How long an aborted or timed-out task may take to settle after its `taskSignal()`
 * fired, in milliseconds, before its worker is terminated: long enough for a cooperative
 * task to clean up, short enough that a stuck one does not hold a worker.
 */
export const ABORT_GRACE_MS = 1000;

/** How long a stopping worker may take to finish its task and exit before it is forced, in ms. */
export const STOP_FORCE_AFTER_MS = 5000;

/** The pool's lifecycle, one field. */
export type WorkerPoolState = 'running' | 'shutting-down' | 'shutdown' | 'broken';

/** What a pool is built from (already validated by the executor). */
export interface WorkerPoolOptions {
  readonly factory: WorkerHandleFactory;
  readonly kind: 'thread' | 'process';
  readonly maxWorkers: number;
  /** Worker names are `${namePrefix}_${index}`. */
  readonly namePrefix: string;
  readonly initializer: PoolInitializer | undefined;
  /** Idle workers older than this stop, in ms (Infinity: never). */
  readonly idleTimeoutMs: number;
  /** A worker is replaced after this many tasks (Infinity: never). */
  readonly maxTasksPerWorker: number;
  /** Makes the error that breaks the pool (BrokenThreadPool / BrokenProcessPool). */
  readonly createBrokenError: (message: string, cause: unknown) => BrokenExecutorError;
}

/** Runs tasks on up to `maxWorkers` workers made by a {@link WorkerHandleFactory}. */
export class WorkerPool {
  #state: WorkerPoolState = 'running';
  readonly #options: WorkerPoolOptions;
  readonly #queue = new TaskQueue<PoolTask>();
  readonly #workers = new Set<PoolWorker>();
  readonly #idle: PoolWorker[] = [];
  /** Workers started and not stopping: what counts against `maxWorkers`. */
  #live = 0;
  #starting = 0;
  #nextWorkerIndex = 0;
  #nextTaskId = 1;
  #flushScheduled = false;
  #idleTimer: NodeJS.Timeout | undefined;
  #broken: { message: string; cause: unknown } | undefined;
  #drainWaiters: (() => void)[] = [];
  readonly #flush = () => {
    this.#flushScheduled = false;
    this.#dispatch();
  };

  constructor(options: WorkerPoolOptions) {
    this.#options = options;
  }

  /** The lifecycle state. */
  get state(): WorkerPoolState {
    return this.#state;
  }

  /** How many workers exist now (starting, idle, busy or stopping). */
  get workerCount(): number {
    return this.#workers.size;
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
    if (options?.signal !== undefined) {
      if (options.signal.aborted) {
        future.cancel();
        return future;
      }
      item.onAbort = () => this.#abort(item, options.signal!.reason);
      options.signal.addEventListener('abort', item.onAbort, { once: true });
    }
    if (spec === undefined) this.#resolve(item);
    this.#enqueue(item);
    return future;
  }

  /**
   * Stops accepting work; cancels queued work when asked; stops workers once the queue is
   * empty. Resolves when every worker has exited (immediately when `wait` is false).
   */
  async shutdown(wait: boolean, cancelFutures: boolean): Promise<void> {
    if (this.#state === 'running') this.#state = 'shutting-down';
    if (cancelFutures) {
      for (const item of this.#queue.drain()) this.#cancelQueued(item);
    }
    for (const worker of this.#idle.splice(0)) this.#stopWorker(worker);
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    this.#checkDrained();
    if (wait && this.#workers.size + this.#queue.size > 0) {
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

  #enqueue(item: PoolTask): void {
    this.#queue.push(item);
    this.#scheduleFlush();
  }

  #scheduleFlush(): void {
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      queueMicrotask(this.#flush);
    }
  }

  #dispatch(): void {
    while (this.#queue.size > 0 && this.#idle.length > 0) {
      // false: nothing runnable now (the queue's head is still resolving, or it emptied).
      if (!this.#runNext(this.#idle.pop()!)) break;
    }
    this.#growIfNeeded();
    this.#checkDrained();
  }

  /** Gives `worker` the next runnable task; returns false (worker left idle) when none. */
  #runNext(worker: PoolWorker): boolean {
    for (let item = this.#queue.shift(); item !== undefined; item = this.#queue.shift()) {
      if (item.future.state !== 'pending') {
        item.release();
        continue;
      }
      if (item.spec === undefined) {
        // Still resolving: keep the order; its resolution flushes the queue again.
        this.#queue.unshift(item);
        break;
      }
      item.future.setRunningOrNotifyCancel();
      if (this.#send(worker, item)) return true;
    }
    this.#becomeIdle(worker);
    return false;
  }

  #send(worker: PoolWorker, item: PoolTask): boolean {
    item.id = this.#nextTaskId++;
    let request: ReturnType<PoolTask['toRequest']>;
    try {
      request = item.toRequest(this.#options.kind);
    } catch (error) {
      item.release();
      item.future.setException(error);
      return false;
    }
    try {
      worker.handle.send(request, item.options?.transfer);
    } catch (error) {
      item.release();
      item.future.setException(item.describeUnsendable(error));
      return false;
    }
    item.worker = worker;
    worker.current = item;
    worker.state = 'busy';
    worker.setReferenced(true);
    const timeout = item.options?.timeout;
    if (timeout !== undefined && timeout !== Infinity) {
      item.timer = setTimeout(() => {
        const error = new TimeoutError(`task \`${item.name}\` timed out after ${timeout} ms`);
        this.#abort(item, error);
      }, timeout);
    }
    return true;
  }

  /** An idle worker: stop it when the pool is closing, else park it (unreferenced). */
  #becomeIdle(worker: PoolWorker): void {
    if (this.#state !== 'running' && this.#queue.size === 0) {
      this.#stopWorker(worker);
      return;
    }
    worker.state = 'idle';
    worker.idleSince = performance.now();
    worker.setReferenced(false);
    this.#idle.push(worker);
    this.#scheduleIdleSweep();
  }

  #growIfNeeded(): void {
    if (this.#state === 'broken') return;
    while (this.#queue.size > this.#starting && this.#live < this.#options.maxWorkers) {
      this.#startWorker();
    }
  }

  #startWorker(): void {
    const name = `${this.#options.namePrefix}_${this.#nextWorkerIndex++}`;
    let worker: PoolWorker;
    try {
      worker = new PoolWorker(this.#options.factory({ name }));
    } catch (error) {
      this.#breakPool(`could not create worker \`${name}\``, error);
      return;
    }
    this.#workers.add(worker);
    this.#live++;
    this.#starting++;
    worker.handle.setListener({
      onMessage: (message) => this.#onMessage(worker, message),
      onExit: (exit) => this.#onExit(worker, exit),
      onError: (error) => (worker.lastError = error),
    });
    worker.setReferenced(true);
    const start = () => {
      try {
        worker.handle.start(createInitRequest(this.#options, name));
      } catch (error) {
        this.#breakPool(`could not start worker \`${name}\``, error);
      }
    };
    const initializer = this.#options.initializer;
    if (initializer === undefined || initializer.spec !== undefined) start();
    else {
      initializer.ready.then(start, (error: unknown) =>
        this.#breakPool('the initializer cannot be found', error),
      );
    }
  }

  #onMessage(worker: PoolWorker, message: WorkerResponse): void {
    switch (message.type) {
      case 'ready':
        if (worker.state !== 'starting') break;
        this.#starting--;
        worker.state = 'idle';
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
      case 'result':
        this.#settle(worker, message.id, false, message.value);
        break;
      case 'error':
        this.#settle(worker, message.id, true, message.error);
        break;
      case 'results':
        for (const response of message.responses) {
          if (response.type === 'result') this.#settle(worker, response.id, false, response.value);
          else this.#settle(worker, response.id, true, response.error);
        }
        break;
    }
  }

  #settle(worker: PoolWorker, id: number, failed: boolean, payload: unknown): void {
    const item = worker.current;
    if (item === undefined || item.id !== id) return;
    worker.current = undefined;
    worker.tasksRun++;
    item.release();
    const future = item.future;
    if (!future.done()) {
      if (failed) future.setException(deserializeError(payload as never, this.#origin(worker)));
      else future.setResult(payload);
    }
    if (worker.state !== 'busy') return;
    if (worker.tasksRun >= this.#options.maxTasksPerWorker) {
      this.#stopWorker(worker);
      this.#growIfNeeded();
    } else this.#runNext(worker);
    this.#checkDrained();
  }

  #onExit(worker: PoolWorker, exit: WorkerExit): void {
    const wasStarting = worker.state === 'starting';
    if (wasStarting) this.#starting--;
    if (worker.state !== 'stopping') this.#live--;
    worker.state = 'stopping';
    this.#workers.delete(worker);
    const idleIndex = this.#idle.indexOf(worker);
    if (idleIndex >= 0) this.#idle.splice(idleIndex, 1);
    const item = worker.current;
    worker.current = undefined;
    if (item !== undefined) {
      item.release();
      if (!item.future.done()) {
        item.future.setException(
          new WorkerCrashedError({
            exitCode: exit.exitCode,
            signal: exit.signal,
            taskName: item.name,
            workerName: worker.name,
            cause: worker.lastError,
          }),
        );
      }
    } else if (wasStarting && this.#broken === undefined) {
      const how =
        exit.signal === null ? `exited with code ${exit.exitCode}` : `was killed by ${exit.signal}`;
      this.#breakPool(`worker \`${worker.name}\` ${how} before it was ready`, worker.lastError);
    }
    this.#dispatch();
  }

  #abort(item: PoolTask, reason: unknown): void {
    if (item.worker === undefined) {
      if (item.future.cancel()) item.release();
      return;
    }
    if (item.future.done()) return;
    item.future.setException(reason);
    const worker = item.worker;
    if (worker.current !== item) return;
    item.release();
    try {
      worker.handle.send({ type: 'abort', id: item.id });
    } catch {
      // The worker is gone; its exit settles the pool's bookkeeping.
    }
    item.timer = setTimeout(() => {
      if (worker.current === item) worker.handle.kill().catch(ignoreExitError);
    }, ABORT_GRACE_MS);
  }

  #stopWorker(worker: PoolWorker): void {
    if (worker.state === 'stopping') return;
    if (worker.state === 'starting') this.#starting--;
    worker.state = 'stopping';
    this.#live--;
    // Referenced while stopping, so `await executor.shutdown()` keeps the process alive
    // until the worker has really exited.
    worker.setReferenced(true);
    worker.handle.stop({ forceAfterMs: STOP_FORCE_AFTER_MS }).catch(ignoreExitError);
  }

  #scheduleIdleSweep(): void {
    const timeout = this.#options.idleTimeoutMs;
    if (timeout === Infinity || this.#idleTimer !== undefined) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = undefined;
      const now = performance.now();
      for (const worker of [...this.#idle]) {
        if (now - worker.idleSince >= timeout) {
          this.#idle.splice(this.#idle.indexOf(worker), 1);
          this.#stopWorker(worker);
        }
      }
      if (this.#idle.length > 0) this.#scheduleIdleSweep();
    }, timeout);
    this.#idleTimer.unref();
  }

  #breakPool(message: string, cause: unknown): void {
    if (this.#broken !== undefined) return;
    this.#broken = { message, cause };
    this.#state = 'broken';
    for (const item of this.#queue.drain()) this.#failQueued(item);
    for (const worker of [...this.#workers]) {
      if (worker.state === 'idle' || worker.state === 'starting') this.#stopWorker(worker);
    }
    this.#idle.length = 0;
    this.#checkDrained();
  }

  #failQueued(item: PoolTask): void {
    item.release();
    if (!item.future.done()) item.future.setException(this.#refusal());
  }

  #cancelQueued(item: PoolTask): void {
    item.release();
    if (!item.future.cancel() && !item.future.done()) {
      item.future.setException(new CancelledError('The executor was shut down.'));
    }
  }

  #origin(worker: PoolWorker): string {
    return `${this.#options.kind} "${worker.name}"`;
  }

  #checkDrained(): void {
    if (this.#state === 'running') return;
    if (this.#workers.size + this.#queue.size > 0) return;
    if (this.#state === 'shutting-down') this.#state = 'shutdown';
    for (const resolve of this.#drainWaiters.splice(0)) resolve();
  }
}

/** A failed stop or kill still ends in the handle's `onExit`, which does the bookkeeping. */
function ignoreExitError(): void {}
