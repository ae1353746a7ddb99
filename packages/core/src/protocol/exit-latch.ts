// A worker's exit, recorded once, for handles: the first `settle` wins and wakes everyone
// waiting; later waiters get the recorded exit at once.
import type { WorkerExit } from './worker-handle.js';

/** Records a worker's exit once and lets callers wait for it. */
export class ExitLatch {
  #exit: WorkerExit | undefined;
  #waiters: ((exit: WorkerExit) => void)[] = [];

  /** The exit, once recorded. */
  get exit(): WorkerExit | undefined {
    return this.#exit;
  }

  /**
   * Records the exit and resolves every waiter; returns false (and changes nothing) when an
   * exit was recorded already.
   */
  settle(exit: WorkerExit): boolean {
    if (this.#exit !== undefined) return false;
    this.#exit = exit;
    for (const resolve of this.#waiters.splice(0)) resolve(exit);
    return true;
  }

  /**
   * Resolves with the exit once recorded (at once if it is).
   * @example
   * const latch = new ExitLatch();
   * setTimeout(() => latch.settle({ exitCode: 0, signal: null }), 10);
   * await latch.wait(); // { exitCode: 0, signal: null }
   */
  wait(): Promise<WorkerExit> {
    const exit = this.#exit;
    if (exit !== undefined) return Promise.resolve(exit);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /**
   * Resolves with the exit, or `undefined` when `timeoutMs` passes first (the waiter is
   * then dropped, so repeated timed waits leave nothing behind). `Infinity` never times out.
   * @example
   * const exit = await latch.waitFor(5_000); // undefined: still running after 5 s
   */
  waitFor(timeoutMs: number): Promise<WorkerExit | undefined> {
    if (!Number.isFinite(timeoutMs)) return this.wait();
    const exit = this.#exit;
    if (exit !== undefined) return Promise.resolve(exit);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((waiter) => waiter !== onExit);
        resolve(undefined);
      }, timeoutMs);
      const onExit = (settled: WorkerExit) => {
        clearTimeout(timer);
        resolve(settled);
      };
      this.#waiters.push(onExit);
    });
  }
}
