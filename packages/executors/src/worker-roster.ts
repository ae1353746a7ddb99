// The pool's workers as a set: counts against maxWorkers, the idle stack (most recently
// used first, so the others can time out), graceful stops and the idle-timeout sweep.
import { PoolWorker } from './pool-worker.js';

/** How long a stopping worker may take to finish its task and exit before it is forced, in ms. */
export const STOP_FORCE_AFTER_MS = 5000;

/** Tracks a pool's workers and their lifecycle bookkeeping. */
export class WorkerRoster {
  /** Every worker that has not exited. */
  readonly all = new Set<PoolWorker>();
  /** Idle workers; the last one is the most recently used. */
  readonly idle: PoolWorker[] = [];
  /** Workers started and not stopping: what counts against `maxWorkers`. */
  live = 0;
  /** Workers not ready yet. */
  starting = 0;
  #nextIndex = 0;
  #idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly namePrefix: string,
    private readonly idleTimeoutMs: number,
  ) {}

  /** The next worker's name: `${prefix}_${index}`, Python's `ThreadPoolExecutor-0_0` shape. */
  nextName(): string {
    return `${this.namePrefix}_${this.#nextIndex++}`;
  }

  /** Adds a just-created worker (state `starting`). */
  add(worker: PoolWorker): void {
    this.all.add(worker);
    this.live++;
    this.starting++;
  }

  /** A starting worker said `ready`; returns false when it is no longer starting. */
  markReady(worker: PoolWorker): boolean {
    if (worker.state !== 'starting') return false;
    this.starting--;
    worker.state = 'idle';
    return true;
  }

  /** Parks a worker with nothing to do: unreferenced, so it never keeps the process alive. */
  park(worker: PoolWorker): void {
    worker.state = 'idle';
    worker.idleSince = performance.now();
    worker.setReferenced(false);
    this.idle.push(worker);
    this.#scheduleSweep();
  }

  /** Asks a worker to finish and exit (forced after STOP_FORCE_AFTER_MS). */
  stop(worker: PoolWorker): void {
    if (worker.state === 'stopping') return;
    if (worker.state === 'starting') this.starting--;
    worker.state = 'stopping';
    this.live--;
    // Referenced while stopping, so `await executor.shutdown()` keeps the process alive
    // until the worker has really exited.
    worker.setReferenced(true);
    worker.handle.stop({ forceAfterMs: STOP_FORCE_AFTER_MS }).catch(ignoreExitError);
  }

  /** Stops every idle worker (shutdown) and the idle sweep. */
  stopIdle(): void {
    for (const worker of this.idle.splice(0)) this.stop(worker);
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }

  /** How many workers run a task now. */
  get busyCount(): number {
    let busy = 0;
    for (const worker of this.all) if (worker.state === 'busy') busy++;
    return busy;
  }

  /** Kills every worker now (no grace); resolves when all have exited. */
  async killAll(): Promise<void> {
    this.stopIdle();
    await Promise.all([...this.all].map((worker) => worker.handle.kill().catch(ignoreExitError)));
  }

  /** Forgets a worker that exited; tells whether it was still starting. */
  remove(worker: PoolWorker): boolean {
    const wasStarting = worker.state === 'starting';
    if (wasStarting) this.starting--;
    if (worker.state !== 'stopping') this.live--;
    worker.state = 'stopping';
    this.all.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    return wasStarting;
  }

  #scheduleSweep(): void {
    const timeout = this.idleTimeoutMs;
    if (timeout === Infinity || this.#idleTimer !== undefined) return;
    // One timer for the whole pool, not one per idle period: idling is on the hot path.
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = undefined;
      const now = performance.now();
      for (const worker of [...this.idle]) {
        if (now - worker.idleSince >= timeout) {
          this.idle.splice(this.idle.indexOf(worker), 1);
          this.stop(worker);
        }
      }
      if (this.idle.length > 0) this.#scheduleSweep();
    }, timeout);
    this.#idleTimer.unref();
  }
}

/** A failed stop or kill still ends in the handle's `onExit`, which does the bookkeeping. */
export function ignoreExitError(): void {}
