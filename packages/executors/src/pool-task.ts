// One task as the worker pool tracks it, from submit to settle, and the messages that
// describe it to a worker. A class, so every task object has the same shape (fast paths).
import {
  encodeRevivables,
  getTaskName,
  type RunChunkRequest,
  type RunRequest,
  type TaskSpec,
} from '@concur/core';
import type { TaskOptions } from './executor.js';
import type { Future } from './future.js';
import type { PoolWorker } from './pool-worker.js';

/** A submitted task: its future, what to run, and where it runs once dispatched. */
export class PoolTask {
  /** The request id, unique per pool, set at submit. */
  id = 0;
  /** The worker running it, once dispatched. */
  worker: PoolWorker | undefined = undefined;
  /** The timeout, or the grace period after an abort. */
  timer: NodeJS.Timeout | undefined = undefined;
  /** The abort listener on `options.signal`, while registered. */
  onAbort: (() => void) | undefined = undefined;

  constructor(
    readonly future: Future<unknown>,
    readonly task: unknown,
    public spec: TaskSpec | undefined,
    /** The argument list (`run`), or the list of argument lists (`chunk`). */
    readonly args: unknown[],
    readonly chunk: boolean,
    readonly options: TaskOptions | undefined,
  ) {}

  /** The task's name for messages. */
  get name(): string {
    return getTaskName(this.task);
  }

  /** Clears the timer and abort listener once the task is settled. */
  release(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.onAbort !== undefined) {
      this.options?.signal?.removeEventListener('abort', this.onAbort);
      this.onAbort = undefined;
    }
  }

  /** Cancels a task that never started (queued or handed back): its future is pending or done. */
  cancelQueued(): void {
    this.release();
    this.future.cancel();
  }

  /** Fails a task that never started with `error` (unless its future is already done). */
  failQueued(error: Error): void {
    this.release();
    if (!this.future.done()) this.future.setException(error);
  }

  /**
   * Builds the wire request. Revivable arguments (sync primitives, queues) are replaced by
   * marks, and the request says so.
   * @throws TypeError when an argument cannot go to this kind of worker.
   */
  toRequest(kind: 'thread' | 'process', queued = false): RunRequest | RunChunkRequest {
    const spec = this.spec!;
    if (!this.chunk) {
      if (!hasObjects(this.args)) {
        return queued
          ? { type: 'run', id: this.id, task: spec, args: this.args, queued }
          : { type: 'run', id: this.id, task: spec, args: this.args };
      }
    }
    const request = this.#encode(kind);
    return queued ? { ...request, queued } : request;
  }

  #encode(kind: 'thread' | 'process'): RunRequest | RunChunkRequest {
    const spec = this.spec!;
    if (!this.chunk) {
      const { values, revivable } = encodeRevivables(this.args, kind);
      return revivable
        ? { type: 'run', id: this.id, task: spec, args: values, revive: true }
        : { type: 'run', id: this.id, task: spec, args: values };
    }
    let anyRevivable = false;
    const argsList = (this.args as unknown[][]).map((args) => {
      if (!hasObjects(args)) return args;
      const { values, revivable } = encodeRevivables(args, kind);
      anyRevivable ||= revivable;
      return values;
    });
    return anyRevivable
      ? { type: 'chunk', id: this.id, task: spec, argsList, revive: true }
      : { type: 'chunk', id: this.id, task: spec, argsList };
  }

  /**
   * Sends this task to `worker`. When its arguments cannot go there, fails the future with
   * an error naming the argument and returns false (the worker is unaffected).
   */
  sendTo(worker: PoolWorker, kind: 'thread' | 'process', queued = false): boolean {
    let request: RunRequest | RunChunkRequest;
    try {
      request = this.toRequest(kind, queued);
    } catch (error) {
      this.release();
      this.future.setException(error);
      return false;
    }
    try {
      worker.handle.send(request, this.options?.transfer);
    } catch (error) {
      this.release();
      this.future.setException(this.describeUnsendable(error));
      return false;
    }
    return true;
  }

  /** Explains why the arguments could not be sent, naming the argument that fails. */
  describeUnsendable(cause: unknown): TypeError {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const lists = this.chunk ? (this.args as unknown[][]) : [this.args];
    for (let item = 0; item < lists.length; item++) {
      const args = lists[item]!;
      for (let index = 0; index < args.length; index++) {
        const problem = cloneProblem(args[index]);
        if (problem === undefined) continue;
        const where = this.chunk ? ` (item ${item + 1} of the chunk)` : '';
        return new TypeError(
          `argument ${index + 1} of task \`${this.name}\`${where} cannot be cloned: ${problem}. ` +
            'Pass structured-cloneable data (no functions, symbols or class instances with methods).',
          { cause },
        );
      }
    }
    return new TypeError(`The arguments of task \`${this.name}\` cannot be sent: ${detail}`, {
      cause,
    });
  }
}

function hasObjects(args: readonly unknown[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    if (typeof value === 'object' && value !== null) return true;
  }
  return false;
}

function cloneProblem(value: unknown): string | undefined {
  try {
    structuredClone(value);
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  }
}
