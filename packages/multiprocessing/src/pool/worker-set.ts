// Main side: a pool's child processes and its job queue: keeps `processes` workers alive,
// hands queued jobs to idle ones, replaces crashed and recycled workers, and holds the
// event loop only while there is work.
import { serialize } from 'node:v8';
import {
  BrokenExecutorError,
  WorkerCrashedError,
  type InitRequest,
  type WorkerExit,
} from '@concur/core';
import { createProcessWorkerHandle } from '../process-handle.js';
import { nextProcessNumber } from '../process-registry.js';
import type { PoolJob } from './pool-job.js';
import type { ResolvedPoolOptions } from './pool-options.js';
import { PoolWorker } from './pool-worker.js';

/**
 * How many workers in a row may exit before becoming ready before the pool gives up
 * (a bad `execArgv`, a module that throws at import): beyond it respawning only loops.
 */
export const MAX_STARTUP_FAILURES = 3;

/** What a new worker is told: everything of `init` but its name. */
export type InitTemplate = Omit<InitRequest, 'processName' | 'type'>;

/** A set of pool workers with one FIFO queue of jobs. */
export class WorkerSet {
  readonly #workers = new Set<PoolWorker>();
  #queue: PoolJob[] = [];
  #init: InitTemplate | undefined;
  /** `running` keeps `processes` workers; `stopping` lets them exit; `killed` ends them now. */
  #mode: 'running' | 'stopping' | 'killed' = 'running';
  #cancelReason: Error | undefined;
  #broken: BrokenExecutorError | undefined;
  #exitWaiters: (() => void)[] = [];
  #startupFailures = 0;

  constructor(
    private readonly options: ResolvedPoolOptions,
    init: Promise<InitTemplate>,
  ) {
    init.then(
      (template) => {
        this.#init = template;
        this.#fill();
        this.#dispatch();
      },
      (error: unknown) => this.#breakPool('the initializer could not be resolved', error),
    );
  }

  /** Set once the initializer failed: every job fails with it. */
  get broken(): BrokenExecutorError | undefined {
    return this.#broken;
  }

  /** The live workers' pids (for tests and diagnostics). */
  get pids(): number[] {
    return [...this.#workers].map((worker) => worker.handle.pid).filter((pid) => pid !== undefined);
  }

  /** How many workers run a job now. */
  get busyCount(): number {
    let busy = 0;
    for (const worker of this.#workers) if (worker.state === 'busy') busy++;
    return busy;
  }

  /** Fails every queued job (not the running ones) with `reason`. */
  cancelQueued(reason: Error): void {
    for (const job of this.#queue.splice(0)) job.settle({ ok: false, error: reason });
    this.#updateReferences();
  }

  /** Queues a job; it runs on the first idle worker. */
  enqueue(job: PoolJob): void {
    if (this.#broken !== undefined) return job.settle({ ok: false, error: this.#broken });
    if (this.#mode === 'killed') return job.settle({ ok: false, error: this.#cancelReason });
    this.#queue.push(job);
    this.#dispatch();
  }

  /** Lets every worker exit once it is idle (call when no work is left). */
  stopAll(): void {
    if (this.#mode !== 'running') return;
    this.#mode = 'stopping';
    for (const worker of this.#workers) if (worker.state !== 'busy') worker.stop();
    this.#checkExited();
  }

  /** Kills every worker now; queued and running jobs fail with `reason`. */
  killAll(reason: Error): void {
    this.#mode = 'killed';
    this.#cancelReason = reason;
    for (const job of this.#queue.splice(0)) job.settle({ ok: false, error: reason });
    for (const worker of this.#workers) worker.kill();
    this.#checkExited();
  }

  /** Resolves once every worker has exited after `stopAll()` or `killAll()`. */
  whenAllExited(): Promise<void> {
    if (this.#mode !== 'running' && this.#workers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#exitWaiters.push(resolve));
  }

  #fill(): void {
    if (this.#mode !== 'running' || this.#init === undefined || this.#broken !== undefined) return;
    let live = 0;
    for (const worker of this.#workers) if (worker.state !== 'stopping') live++;
    for (; live < this.options.processes; live++) this.#spawn(this.#init);
  }

  #spawn(template: InitTemplate): void {
    const name = `SpawnPoolWorker-${nextProcessNumber()}`;
    const { execArgv, env, cwd } = this.options;
    const handle = createProcessWorkerHandle({ name, execArgv, env, cwd, ignoreInterrupt: true });
    const worker = new PoolWorker(handle, {
      onIdle: (idle) => this.#onIdle(idle),
      onInitFailed: (failed, error) => {
        failed.kill();
        this.#breakPool(`the initializer failed in \`${name}\``, error);
      },
      onExit: (exited, exit, job) => this.#onExit(exited, exit, job),
    });
    this.#workers.add(worker);
    handle.start({ type: 'init', processName: name, ...template });
    this.#updateReferences();
  }

  #onIdle(worker: PoolWorker): void {
    if (worker.tasksDone >= this.options.maxTasksPerChild) {
      worker.stop(); // recycle: a fresh worker takes its place
      this.#fill();
    } else if (this.#mode === 'stopping') {
      worker.stop();
    }
    this.#dispatch();
  }

  #onExit(worker: PoolWorker, exit: WorkerExit, job: PoolJob | undefined): void {
    this.#workers.delete(worker);
    if (worker.wasReady) this.#startupFailures = 0;
    else if (this.#mode === 'running' && ++this.#startupFailures >= MAX_STARTUP_FAILURES) {
      this.#breakPool(
        `${MAX_STARTUP_FAILURES} workers in a row exited before they were ready (the last with ${exit.signal ?? `exit code ${exit.exitCode}`})`,
        new Error('check the `execArgv` and `env` options and the output above'),
      );
    }
    if (job !== undefined) {
      const error =
        this.#mode === 'killed'
          ? this.#cancelReason
          : new WorkerCrashedError({
              exitCode: exit.exitCode,
              signal: exit.signal,
              taskName: job.taskName,
              workerName: worker.handle.name,
            });
      job.settle({ ok: false, error });
    }
    this.#fill(); // replace a crashed or recycled worker while the pool runs
    this.#dispatch();
    this.#checkExited();
  }

  #dispatch(): void {
    for (const worker of this.#workers) {
      if (this.#queue.length === 0) break;
      if (worker.state !== 'idle' || worker.tasksDone >= this.options.maxTasksPerChild) continue;
      while (this.#queue.length > 0 && worker.state === 'idle') {
        const job = this.#queue.shift()!;
        try {
          worker.run(job);
        } catch (error) {
          job.settle({ ok: false, error: describeUnserializable(job, error) });
        }
      }
    }
    this.#updateReferences();
  }

  /** Workers hold the event loop only while jobs are queued or running. */
  #updateReferences(): void {
    let busy = this.#queue.length > 0;
    for (const worker of this.#workers) if (worker.state === 'busy') busy = true;
    for (const worker of this.#workers) worker.handle.setReferenced(busy);
  }

  #breakPool(what: string, cause: unknown): void {
    if (this.#broken !== undefined) return;
    const detail = cause instanceof Error ? cause.message : String(cause);
    this.#broken = new BrokenExecutorError(`The pool is broken: ${what}: ${detail}`, { cause });
    for (const job of this.#queue.splice(0)) job.settle({ ok: false, error: this.#broken });
    this.#mode = 'stopping';
    for (const worker of this.#workers) worker.kill();
    this.#checkExited();
  }

  #checkExited(): void {
    if (this.#mode === 'running' || this.#workers.size > 0) return;
    for (const resolve of this.#exitWaiters.splice(0)) resolve();
  }
}

/** Names the first argument of a job that V8 cannot serialize. */
function describeUnserializable(job: PoolJob, cause: unknown): TypeError {
  for (const [index, args] of job.argsList.entries()) {
    for (const [argIndex, value] of args.entries()) {
      if (argIndex < job.prefixLength) continue;
      try {
        serialize(value);
      } catch (error) {
        return new TypeError(
          `Cannot send argument ${argIndex - job.prefixLength + 1} of ${job.describe(index)} (task \`${job.taskName}\`) to a pool worker: ` +
            `${(error as Error).message}. Arguments cross by V8 serialization: plain data, Maps, Sets, Dates, ` +
            'typed arrays and errors work; functions, symbols and sockets do not.',
          { cause },
        );
      }
    }
  }
  return cause instanceof TypeError ? cause : new TypeError(String(cause), { cause });
}
