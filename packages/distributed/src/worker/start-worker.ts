// Worker side: a BullMQ worker that takes concur jobs from a queue, loads each task from
// this machine's root, runs it, and stores its outcome (value or serialized error).
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { loadTask, serializeError, TimeoutError, type TaskSpec } from '@concur/core';
import { redactText } from '../connection/redact.js';
import { TaskLoadError } from '../errors.js';
import { getAbortChannel, KEY_PREFIX } from '../protocol/channels.js';
import {
  decodeValue,
  encodeError,
  encodeValue,
  validateJobData,
  type JobOutcome,
} from '../protocol/job-data.js';
import { formatTaskAddress, type TaskAddress } from '../task/task-address.js';
import { resolveTaskAddress } from './resolve-address.js';
import { TaskRunner, type RunOutcome } from './task-runner.js';
import {
  resolveWorkerOptions,
  type ResolvedWorkerOptions,
  type WorkerOptions,
} from './worker-options.js';

/**
 * How long, in milliseconds, a worker remembers an abort for a job it does not hold: clients
 * repeat aborts for 5 s (ABORT_GRACE_MS), so a minute covers any delay in taking the job.
 */
const EARLY_ABORT_TTL_MS = 60_000;

/**
 * How long a forced close waits for BullMQ to close cleanly, in milliseconds, before it
 * drops the connections: BullMQ's close needs Redis, which may be the thing that is gone.
 */
const FORCE_CLOSE_WAIT_MS = 2_000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The lifecycle of a worker, one field. */
export type DistributedWorkerState = 'running' | 'closing' | 'closed';

/**
 * A running worker: takes tasks from its queue until closed. Made by {@link startWorker}.
 * @example
 * const worker = await startWorker({ connection, queue: 'jobs' });
 * console.log(worker.name, worker.state); // 'build-7:4121' 'running'
 */
export class DistributedWorker {
  /** This worker's name (in errors and in BullMQ's `processedBy`). */
  readonly name: string;
  readonly #options: ResolvedWorkerOptions;
  readonly #runner: TaskRunner;
  /** Aborts that arrived before their job (job id → when, in performance.now() ms), oldest first. */
  readonly #earlyAborts = new Map<string, number>();
  /** Jobs this worker holds, with the runner's id once the task started (aborts may come first). */
  readonly #running = new Map<string, { runId: number | undefined; aborted: boolean }>();
  #worker: Worker | undefined;
  #subscriber: Redis | undefined;
  #state: DistributedWorkerState = 'running';
  #closed: Promise<void> | undefined;
  #lastLogged = '';

  /** @internal Use {@link startWorker}. */
  constructor(options: ResolvedWorkerOptions) {
    this.#options = options;
    this.name = options.name;
    this.#runner = new TaskRunner(options.name);
  }

  /** The lifecycle state. */
  get state(): DistributedWorkerState {
    return this.#state;
  }

  /** How many tasks run now. */
  get running(): number {
    return this.#running.size;
  }

  /** @internal Connects and starts taking jobs. */
  async start(): Promise<void> {
    const options = this.#options;
    const worker = new Worker(options.queue, (job) => this.#process(job), {
      connection: { ...options.connection.options, maxRetriesPerRequest: null },
      prefix: KEY_PREFIX,
      concurrency: options.concurrency,
      name: options.name,
      lockDuration: options.lockDuration,
      stalledInterval: options.stalledInterval,
      maxStalledCount: options.maxStalledCount,
    });
    this.#worker = worker;
    worker.on('error', (error) =>
      this.#log(`error: ${redactText(String(error?.message ?? error))}`),
    );
    await worker.waitUntilReady();
    const subscriber = new Redis({ ...options.connection.options, maxRetriesPerRequest: null });
    this.#subscriber = subscriber;
    subscriber.on('error', () => undefined); // the worker's own client reports connection errors
    subscriber.on('message', (_channel: string, jobId: string) => {
      const held = this.#running.get(jobId);
      if (held === undefined) {
        this.#rememberEarlyAbort(jobId);
        return;
      }
      held.aborted = true;
      if (held.runId !== undefined) this.#runner.abort(held.runId);
    });
    await subscriber.subscribe(getAbortChannel(options.queue));
    this.#log(
      `worker ${options.name} ready: queue ${options.queue} on ${options.connection.description}, ` +
        `concurrency ${options.concurrency}, root ${options.root}`,
    );
  }

  /**
   * Stops taking tasks. By default waits for running tasks to finish and store their
   * results; with `force`, leaves at once (running jobs are retried elsewhere after
   * their lock expires). Idempotent.
   * @example
   * process.once('SIGTERM', () => void worker.close());
   */
  close({ force = false }: { force?: boolean } = {}): Promise<void> {
    if (this.#closed === undefined) {
      this.#state = 'closing';
      this.#closed = (async () => {
        try {
          const closing = this.#worker?.close(force) ?? Promise.resolve();
          if (force) await Promise.race([closing, delay(FORCE_CLOSE_WAIT_MS)]);
          else await closing;
        } finally {
          // BullMQ's close waits for Redis; a forced close does not, so drop the sockets.
          if (force) void this.#worker?.disconnect().catch(() => undefined);
          this.#subscriber?.disconnect();
          this.#state = 'closed';
          this.#log(`worker ${this.name} closed`);
        }
      })();
    }
    return this.#closed;
  }

  async #process(job: Job): Promise<JobOutcome> {
    const worker = this.name;
    let address: TaskAddress | undefined;
    this.#running.set(job.id!, { runId: undefined, aborted: this.#earlyAborts.delete(job.id!) });
    try {
      const data = validateJobData(job.data);
      address = data.task;
      const spec = await this.#load(address);
      const args = decodeValue(data.args) as unknown[];
      const result =
        data.chunk === true
          ? await this.#runChunk(job, spec, args as unknown[][], data.timeout, address)
          : await this.#runOne(job, spec, args, data.timeout, address);
      if (result.ok) {
        try {
          return { ok: true, value: encodeValue(result.value), worker };
        } catch (error) {
          return this.#failure(
            new TypeError(
              `The result of task \`${formatTaskAddress(address)}\` cannot be serialized: ${(error as Error).message}`,
            ),
          );
        }
      }
      return { ok: false, error: encodeError(result.error), worker };
    } catch (error) {
      return this.#failure(error);
    } finally {
      this.#running.delete(job.id!);
    }
  }

  async #runOne(
    job: Job,
    spec: TaskSpec,
    args: unknown[],
    timeout: number | undefined,
    address: TaskAddress,
  ): Promise<RunOutcome> {
    const { id, outcome } = this.#runner.run(spec, args, (progress) =>
      job.updateProgress(progress),
    );
    const held = this.#running.get(job.id!)!;
    held.runId = id;
    if (held.aborted) this.#runner.abort(id);
    return this.#withTimeout(id, outcome, timeout, address);
  }

  async #runChunk(
    job: Job,
    spec: TaskSpec,
    argsList: unknown[][],
    timeout: number | undefined,
    address: TaskAddress,
  ): Promise<RunOutcome> {
    const values: unknown[] = [];
    for (const args of argsList) {
      const result = await this.#runOne(job, spec, args, timeout, address);
      if (!result.ok) return result;
      values.push(result.value);
    }
    return { ok: true, value: values };
  }

  async #load(address: TaskAddress): Promise<TaskSpec> {
    try {
      const moduleUrl = resolveTaskAddress(address, this.#options.root);
      const spec = { moduleUrl, exportName: address.exportName };
      await loadTask(spec);
      return spec;
    } catch (cause) {
      throw new TaskLoadError({
        taskName: formatTaskAddress(address),
        workerName: this.name,
        cause,
      });
    }
  }

  #withTimeout(
    id: number,
    outcome: Promise<RunOutcome>,
    timeout: number | undefined,
    address: TaskAddress,
  ): Promise<RunOutcome> {
    if (timeout === undefined) return outcome;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<RunOutcome>((resolve) => {
      timer = setTimeout(() => {
        this.#runner.abort(id);
        const error = new TimeoutError(
          `Task \`${formatTaskAddress(address)}\` ran longer than its timeout of ${timeout} ms.`,
        );
        resolve({ ok: false, error: serializeError(error) });
      }, timeout);
    });
    return Promise.race([outcome, expired]).finally(() => clearTimeout(timer));
  }

  /**
   * Keeps an abort for a job this worker does not hold yet: it may be taking the job right
   * now (BullMQ marks it active before calling the processor). Every worker hears every
   * abort, so entries expire after EARLY_ABORT_TTL_MS.
   */
  #rememberEarlyAbort(jobId: string): void {
    const now = performance.now();
    for (const [id, at] of this.#earlyAborts) {
      if (now - at < EARLY_ABORT_TTL_MS) break;
      this.#earlyAborts.delete(id);
    }
    this.#earlyAborts.set(jobId, now);
  }

  #failure(error: unknown): JobOutcome {
    return { ok: false, error: encodeError(serializeError(error)), worker: this.name };
  }

  #log(line: string): void {
    // Connection errors repeat every retry while Redis is down; one line per change is enough.
    if (line === this.#lastLogged) return;
    this.#lastLogged = line;
    this.#options.log(line);
  }
}

/**
 * Starts a worker that runs tasks from `queue` until closed. Workers may join and leave
 * at any time; a worker that dies mid-task has its task retried on another one.
 *
 * @throws TypeError for invalid options (the connection's password is never echoed).
 * @example
 * const worker = await startWorker({ connection: 'redis://127.0.0.1:6379', queue: 'jobs', concurrency: 4 });
 * process.once('SIGTERM', () => void worker.close());
 */
export async function startWorker(options: WorkerOptions): Promise<DistributedWorker> {
  const worker = new DistributedWorker(resolveWorkerOptions(options));
  try {
    await worker.start();
  } catch (error) {
    await worker.close({ force: true });
    throw error;
  }
  return worker;
}
