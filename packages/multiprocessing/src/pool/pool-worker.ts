// Main side: one pool worker, a process handle plus the job it runs and how many it has
// run, so the pool can replace crashed workers and recycle them after `maxTasksPerChild`.
import { deserializeError, type WorkerExit, type WorkerResponse } from '@concur/core';
import type { ProcessWorkerHandle } from '../process-handle.js';
import type { PoolJob } from './pool-job.js';

/** A pool worker's lifecycle, one field. */
export type PoolWorkerState = 'starting' | 'idle' | 'busy' | 'stopping' | 'stopped';

/** What a worker tells its pool. */
export interface PoolWorkerEvents {
  /** The worker became ready, or finished its job. */
  onIdle(worker: PoolWorker): void;
  /** The worker's initializer threw. */
  onInitFailed(worker: PoolWorker, error: unknown): void;
  /** The worker exited; `job` is the job it was running, if any. */
  onExit(worker: PoolWorker, exit: WorkerExit, job: PoolJob | undefined): void;
}

let jobCounter = 0;

/** One child process of a pool, running one job at a time. */
export class PoolWorker {
  #state: PoolWorkerState = 'starting';
  #job: PoolJob | undefined;
  #jobId = -1;
  /** Jobs completed by this worker (a chunk counts as one, as in Python). */
  tasksDone = 0;
  /** Whether the worker ever reported `ready` (a worker that dies before is a startup failure). */
  wasReady = false;

  constructor(
    readonly handle: ProcessWorkerHandle,
    private readonly events: PoolWorkerEvents,
  ) {
    handle.setListener({
      onMessage: (message) => this.#onMessage(message),
      onExit: (exit) => {
        const job = this.#job;
        this.#job = undefined;
        this.#state = 'stopped';
        this.events.onExit(this, exit, job);
      },
    });
  }

  get state(): PoolWorkerState {
    return this.#state;
  }

  /**
   * Sends a job to this idle worker.
   * @throws TypeError (synchronously) when the arguments cannot be serialized; the worker stays idle.
   */
  run(job: PoolJob): void {
    jobCounter += 1;
    const id = jobCounter;
    const revive = job.revive ? { revive: true as const } : {};
    if (job.type === 'run') {
      this.handle.send({ type: 'run', id, task: job.task, args: job.argsList[0]!, ...revive });
    } else {
      this.handle.send({ type: 'chunk', id, task: job.task, argsList: job.argsList, ...revive });
    }
    this.#job = job;
    this.#jobId = id;
    this.#state = 'busy';
  }

  /** Asks the worker to finish and exit (graceful, forced after the handle's timeouts). */
  stop(): void {
    if (this.#state === 'stopping' || this.#state === 'stopped') return;
    this.#state = 'stopping';
    void this.handle.stop();
  }

  /** Kills the worker now. */
  kill(): void {
    if (this.#state === 'stopped') return;
    this.#state = 'stopping';
    void this.handle.kill();
  }

  #onMessage(message: WorkerResponse): void {
    switch (message.type) {
      case 'ready':
        if (this.#state === 'starting') {
          this.wasReady = true;
          this.#state = 'idle';
          this.events.onIdle(this);
        }
        return;
      case 'init-failed':
        // Only a starting worker runs its initializer; from a running one this is forged.
        if (this.#state !== 'starting') return;
        this.events.onInitFailed(this, deserializeError(message.error, this.handle.name));
        return;
      case 'results':
        for (const response of message.responses) this.#onMessage(response);
        return;
      case 'result':
      case 'error': {
        const job = this.#job;
        if (job === undefined || message.id !== this.#jobId) return;
        this.#job = undefined;
        this.tasksDone += 1;
        if (this.#state === 'busy') this.#state = 'idle';
        job.settle(
          message.type === 'result'
            ? { ok: true, value: message.value }
            : { ok: false, error: deserializeError(message.error, this.handle.name) },
        );
        if (this.#state === 'idle') this.events.onIdle(this);
      }
    }
  }
}
