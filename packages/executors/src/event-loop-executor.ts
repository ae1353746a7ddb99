// EventLoopExecutor: the Executor contract on this thread's event loop, for I/O-bound work
// (closures included) and as the sequential baseline at `maxConcurrency: 1`.
import {
  callAsTask,
  InvalidStateError,
  TimeoutError,
  getResolvedTaskSpec,
  getTaskName,
  isTaskReference,
  loadTask,
  resolveTaskSpec,
  throwInvalid,
  validateOptionsObject,
  type AnyFunction,
} from '@concur/core';
import type { ExecutorState, LocalTask, ShutdownOptions, TaskOptions } from './executor.js';
import { BaseExecutor } from './executor-base.js';
import { Future } from './future.js';
import { TaskQueue } from './task-queue.js';

/** Options of {@link EventLoopExecutor}. */
export interface EventLoopExecutorOptions {
  /** How many calls may be in progress at once (a positive integer or Infinity). @default Infinity */
  readonly maxConcurrency?: number;
}

interface Job {
  readonly future: Future<unknown>;
  readonly task: unknown;
  readonly args: unknown[];
  readonly chunk: boolean;
  readonly options: TaskOptions | undefined;
  onAbort: (() => void) | undefined;
  timer: NodeJS.Timeout | undefined;
  /** Fires the task's `taskSignal()`; made only for tasks with a signal or timeout. */
  controller: AbortController | undefined;
}

/**
 * Runs functions on this thread's event loop with bounded concurrency: Node's answer to
 * Python's ThreadPoolExecutor for I/O-bound work. Any function works, closures included;
 * tasks from `defineTask` are called directly and `taskFrom` references are imported.
 * A synchronous function blocks the loop while it runs, as any JavaScript does.
 *
 * @throws TypeError for a bad option.
 * @example
 * await using executor = new EventLoopExecutor({ maxConcurrency: 8 });
 * const pages = await executor.map(async (url: string) => (await fetch(url)).status, urls);
 */
export class EventLoopExecutor extends BaseExecutor<LocalTask> {
  #state: ExecutorState = 'running';
  readonly #maxConcurrency: number;
  readonly #queue = new TaskQueue<Job>();
  #active = 0;
  #flushScheduled = false;
  #drainWaiters: (() => void)[] = [];
  readonly #flush = () => {
    this.#flushScheduled = false;
    this.#pump();
  };

  constructor(options?: EventLoopExecutorOptions) {
    super();
    const raw = validateOptionsObject('EventLoopExecutor', options, ['maxConcurrency']);
    // `null` is a wrong value, not a missing one (`??` would turn it into Infinity).
    const value = raw.maxConcurrency === undefined ? Infinity : raw.maxConcurrency;
    if (value !== Infinity && !(Number.isInteger(value) && (value as number) >= 1)) {
      throwInvalid('maxConcurrency', 'a positive integer or Infinity', value);
    }
    this.#maxConcurrency = value as number;
  }

  /** The lifecycle state. */
  get state(): ExecutorState {
    return this.#state;
  }

  /** The concurrency limit (`maxConcurrency`). */
  get maxWorkers(): number {
    return this.#maxConcurrency;
  }

  protected schedule(task: unknown, args: unknown[], options: TaskOptions | undefined) {
    return this.#enqueue(task, args, false, options);
  }

  protected scheduleChunk(task: unknown, argsList: unknown[][], options: TaskOptions | undefined) {
    return this.#enqueue(task, argsList, true, options) as Future<unknown[]>;
  }

  protected getAutoChunksize(): number {
    // One call per item, whatever the input: there is no message to save on this thread (a
    // call costs under a microsecond), and a chunk runs its calls one after another, which
    // would cut the concurrency of I/O-bound tasks.
    return 1;
  }

  protected validateTask(task: unknown): void {
    if (typeof task !== 'function' && !isTaskReference(task)) {
      throwInvalid('task', 'a function or a task from defineTask() / taskFrom()', task, 'argument');
    }
  }

  protected async close(options: Required<ShutdownOptions>): Promise<void> {
    if (this.#state === 'running') this.#state = 'shutting-down';
    if (options.cancelFutures) {
      for (const job of this.#queue.drain()) {
        this.#release(job);
        job.future.cancel();
      }
    }
    this.#checkDrained();
    if (options.wait && this.#state !== 'shutdown') {
      await new Promise<void>((resolve) => this.#drainWaiters.push(resolve));
    }
  }

  #enqueue(task: unknown, args: unknown[], chunk: boolean, options: TaskOptions | undefined) {
    if (this.#state !== 'running') {
      throw new InvalidStateError('cannot schedule new futures after shutdown');
    }
    this.validateTask(task);
    const future = new Future<unknown>();
    const job: Job = {
      future,
      task,
      args,
      chunk,
      options,
      onAbort: undefined,
      timer: undefined,
      controller: options === undefined ? undefined : new AbortController(),
    };
    const signal = options?.signal;
    if (signal !== undefined) {
      if (signal.aborted) {
        future.cancel();
        return future;
      }
      job.onAbort = () => {
        if (future.cancel()) return;
        if (!future.done()) future.setException(signal.reason);
        job.controller!.abort(signal.reason);
      };
      signal.addEventListener('abort', job.onAbort, { once: true });
    }
    this.#queue.push(job);
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      queueMicrotask(this.#flush);
    }
    return future;
  }

  #pump(): void {
    while (this.#active < this.#maxConcurrency && this.#queue.size > 0) {
      const job = this.#queue.shift()!;
      if (!job.future.setRunningOrNotifyCancel()) {
        this.#release(job);
        continue;
      }
      this.#active++;
      const timeout = job.options?.timeout;
      if (timeout !== undefined && timeout !== Infinity) {
        job.timer = setTimeout(() => {
          const error = new TimeoutError(
            `task \`${nameOf(job.task)}\` timed out after ${timeout} ms`,
          );
          if (!job.future.done()) job.future.setException(error);
          job.controller!.abort(error);
        }, timeout);
      }
      this.#run(job).then(
        (value) => this.#finish(job, false, value),
        (error: unknown) => this.#finish(job, true, error),
      );
    }
    this.#checkDrained();
  }

  async #run(job: Job): Promise<unknown> {
    const fn = await getCallable(job.task);
    const call = (args: unknown[]) =>
      job.controller === undefined ? fn(...args) : callAsTask(job.controller, () => fn(...args));
    if (!job.chunk) return call(job.args);
    const values: unknown[] = [];
    for (const args of job.args as unknown[][]) values.push(await call(args));
    return values;
  }

  #finish(job: Job, failed: boolean, outcome: unknown): void {
    this.#active--;
    this.#release(job);
    if (!job.future.done()) {
      if (failed) job.future.setException(outcome);
      else job.future.setResult(outcome);
    }
    this.#pump();
  }

  #release(job: Job): void {
    if (job.timer !== undefined) clearTimeout(job.timer);
    if (job.onAbort !== undefined) job.options?.signal?.removeEventListener('abort', job.onAbort);
    job.timer = undefined;
    job.onAbort = undefined;
  }

  #checkDrained(): void {
    if (this.#state === 'running' || this.#active > 0 || this.#queue.size > 0) return;
    this.#state = 'shutdown';
    for (const resolve of this.#drainWaiters.splice(0)) resolve();
  }
}

async function getCallable(task: unknown): Promise<AnyFunction> {
  if (typeof task === 'function') return task as AnyFunction;
  const spec = getResolvedTaskSpec(task) ?? (await resolveTaskSpec(task));
  return loadTask(spec);
}

function nameOf(task: unknown): string {
  if (isTaskReference(task)) return getTaskName(task);
  return (task as AnyFunction).name || 'anonymous';
}
