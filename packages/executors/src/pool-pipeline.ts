// Pipelining: which tasks a pool may send to a busy worker ahead of time, how many, and how
// (one `batch` message). A worker that waits for its next message between short tasks wastes
// a round trip per task; tasks sent ahead (marked `queued`) start as soon as the one before
// settles, and one message for many tasks saves the main thread most of its sending cost.
import type {
  BatchRequest,
  RunChunkRequest,
  RunManyRequest,
  RunRequest,
  TaskSpec,
  WorkerRequest,
} from '@concur/core';
import type { PoolTask } from './pool-task.js';
import type { PoolWorker } from './pool-worker.js';
import type { TaskQueue } from './task-queue.js';
import type { WorkerPoolOptions } from './worker-pool-options.js';

/**
 * The most tasks one worker holds at once (running plus sent ahead): enough to hide the
 * round trip and amortize a message over many short tasks, few enough that memory stays
 * flat and a worker that turns slow holds little.
 */
export const PIPELINE_DEPTH = 64;

/** Tasks ahead are topped up once fewer than this are left, in one message (hysteresis). */
const REFILL_BELOW = PIPELINE_DEPTH / 2;

/**
 * A worker whose last task took longer than this, in milliseconds, gets no tasks ahead:
 * for long tasks the round trip is negligible, and tasks held by a busy worker could run
 * sooner on another one that frees up.
 */
export const PIPELINE_MAX_TASK_MS = 2;

/**
 * Whether a task may be sent ahead or have tasks sent behind it: not when it has a timeout
 * or an abort signal, whose handling (abort, terminate after a grace period) concerns the
 * running task alone, nor when it transfers buffers (a big payload, sent on its own).
 */
export function isPipelinable(item: PoolTask): boolean {
  const options = item.options;
  if (options === undefined) return true;
  return (
    options.signal === undefined &&
    (options.timeout ?? Infinity) === Infinity &&
    options.transfer === undefined
  );
}

/** How many tasks `worker` may take ahead now (0 when it must not). */
function pipelineRoom(worker: PoolWorker, maxTasksPerWorker: number): number {
  const current = worker.current;
  if (worker.state !== 'busy' || !worker.quick || current === undefined) return 0;
  if (!isPipelinable(current)) return 0;
  const held = 1 + worker.queued.length;
  return Math.max(0, Math.min(PIPELINE_DEPTH - held, maxTasksPerWorker - worker.tasksRun - held));
}

/**
 * Takes the next task to send from `queue`, marked running, or undefined when none is
 * runnable now: the head is still resolving its task (order is kept; its resolution
 * flushes the queue again) or, `ahead`, must not be pipelined. Settled ones are dropped.
 */
export function takeRunnable(queue: TaskQueue<PoolTask>, ahead = false): PoolTask | undefined {
  for (let item = queue.peek(); item !== undefined; item = queue.peek()) {
    if (item.future.done()) {
      queue.shift();
      item.release();
      continue;
    }
    if (item.spec === undefined || (ahead && !isPipelinable(item))) return undefined;
    queue.shift();
    // A task handed back by a crashed worker that never started it is running already.
    if (item.future.state === 'pending') item.future.setRunningOrNotifyCancel();
    return item;
  }
  return undefined;
}

/**
 * Tops up the tasks ahead of a busy worker of short tasks, taken with `take`, in one message
 * (`refill`: only once it has fewer than half left). A task whose arguments cannot be sent
 * fails alone. Tells whether anything was sent.
 */
export function sendAhead(
  worker: PoolWorker,
  take: () => PoolTask | undefined,
  options: Pick<WorkerPoolOptions, 'kind' | 'maxTasksPerWorker'>,
  refill = false,
): boolean {
  if (refill && worker.queued.length >= REFILL_BELOW) return false;
  const room = pipelineRoom(worker, options.maxTasksPerWorker);
  const items: PoolTask[] = [];
  const requests: (RunRequest | RunChunkRequest)[] = [];
  for (let item = room > 0 ? take() : undefined; item !== undefined; ) {
    try {
      requests.push(item.toRequest(options.kind, true));
      items.push(item);
    } catch (error) {
      item.release();
      item.future.setException(error);
    }
    item = items.length < room ? take() : undefined;
  }
  if (items.length === 0) return false;
  if (!sendAll(worker, items, requests, options.kind)) return false;
  for (const item of items) {
    item.worker = worker;
    worker.queued.push(item);
  }
  return true;
}

/** Sends the requests in one message; on failure one by one, keeping the ones that went. */
function sendAll(
  worker: PoolWorker,
  items: PoolTask[],
  requests: (RunRequest | RunChunkRequest)[],
  kind: 'thread' | 'process',
): boolean {
  try {
    worker.handle.send(requests.length === 1 ? requests[0]! : toMessage(requests));
    return true;
  } catch {
    // One argument cannot be cloned: find it by sending them one by one (it fails alone).
    const sent = items.filter((item) => item.sendTo(worker, kind, true));
    items.length = 0;
    items.push(...sent);
    return sent.length > 0;
  }
}

/** After idle workers got theirs: tasks ahead to every busy worker of short tasks. */
export function fillAhead(
  workers: Iterable<PoolWorker>,
  queue: TaskQueue<PoolTask>,
  send: (worker: PoolWorker) => boolean,
): void {
  for (const worker of workers) {
    if (queue.size === 0) return;
    send(worker);
  }
}

/**
 * Puts the tasks sent ahead to a worker that ended back at the front of `queue`, in order:
 * the worker starts them one by one, so none of them had started.
 */
export function handBack(worker: PoolWorker, queue: TaskQueue<PoolTask>): void {
  for (let item = worker.queued.pop(); item !== undefined; item = worker.queued.pop()) {
    item.worker = undefined;
    queue.unshift(item);
  }
}

/**
 * Ends a worker's `current` task: counts it, notes whether it was quick (tasks may then be
 * sent ahead) and makes the first task sent ahead current, which the worker starts now.
 */
export function promoteNext(worker: PoolWorker): void {
  const now = performance.now();
  worker.quick = now - worker.currentSince <= PIPELINE_MAX_TASK_MS;
  worker.currentSince = now;
  worker.current = worker.queued.shift();
  worker.tasksRun++;
}

/** One message for many requests: columns when they all run one task without revivables. */
function toMessage(requests: (RunRequest | RunChunkRequest)[]): WorkerRequest {
  const task = requests[0]!.task;
  const ids: number[] = [];
  const argsList: (readonly unknown[])[] = [];
  for (const request of requests) {
    if (request.type !== 'run' || !sameTask(request.task, task) || request.revive === true) {
      return { type: 'batch', requests } as BatchRequest;
    }
    ids.push(request.id);
    argsList.push(request.args);
  }
  return { type: 'runs', task, ids, argsList, queued: true } as RunManyRequest;
}

function sameTask(a: TaskSpec, b: TaskSpec): boolean {
  return (
    a === b ||
    (a.moduleUrl === b.moduleUrl && a.exportName === b.exportName && a.ordinal === b.ordinal)
  );
}
