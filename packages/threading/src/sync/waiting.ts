// How the sync primitives wait. Each algorithm is written once, as a generator that yields
// "sleep on this slot while it holds this value" requests; `runBlocking` serves them with
// Atomics.wait (blocks the calling thread) and `runAsync` with Atomics.waitAsync (a promise).
import { performance } from 'node:perf_hooks';

/** One sleep: while `cells[index] === expected`, for at most `timeout` ms. */
export interface WaitRequest {
  readonly cells: Int32Array;
  readonly index: number;
  readonly expected: number;
  readonly timeout: number;
}

/** What Atomics.wait / Atomics.waitAsync answered. */
export type WaitOutcome = 'ok' | 'not-equal' | 'timed-out';

/** An algorithm that may sleep; it returns `T`. */
export type WaitSteps<T> = Generator<WaitRequest, T, WaitOutcome>;

/**
 * The longest a keep-alive timer may be armed in one go (Node clamps longer delays to 1 ms):
 * 2^31 - 1 ms, about 24.8 days; it is re-armed for longer waits.
 */
const MAX_TIMER_MS = 2_147_483_647;

/** A point in time after which a wait gives up; `Infinity` never comes. */
export class Deadline {
  private readonly at: number;

  private constructor(timeout: number) {
    this.at = timeout === Infinity ? Infinity : performance.now() + timeout;
  }

  /** A deadline `timeout` ms from now (`Infinity`: none). */
  static after(timeout: number): Deadline {
    return new Deadline(timeout);
  }

  /** Milliseconds left, never negative. */
  remaining(): number {
    return this.at === Infinity ? Infinity : Math.max(0, this.at - performance.now());
  }

  /** Whether the deadline has passed. */
  expired(): boolean {
    return this.remaining() === 0;
  }
}

/** Runs an algorithm in this thread, sleeping with Atomics.wait: blocks until it finishes. */
export function runBlocking<T>(steps: WaitSteps<T>): T {
  let next = steps.next();
  while (next.done !== true) {
    const { cells, index, expected, timeout } = next.value;
    next = steps.next(Atomics.wait(cells, index, expected, timeout));
  }
  return next.value;
}

type WaitAsyncResult =
  | { async: false; value: 'not-equal' | 'timed-out' }
  | { async: true; value: Promise<'ok' | 'timed-out'> };
const waitAsync = (
  Atomics as unknown as {
    waitAsync(cells: Int32Array, index: number, expected: number, timeout: number): WaitAsyncResult;
  }
).waitAsync;

/**
 * Runs an algorithm without blocking the event loop, sleeping with Atomics.waitAsync.
 *
 * A pending Atomics.waitAsync does not keep Node's event loop alive, so unless
 * `keepAlive` is false a ref'd timer holds the process open while the caller waits, as a
 * Python thread waiting on a lock would.
 */
export async function runAsync<T>(steps: WaitSteps<T>, keepAlive = true): Promise<T> {
  let next = steps.next();
  while (next.done !== true) {
    const { cells, index, expected, timeout } = next.value;
    const result = waitAsync(cells, index, expected, timeout);
    const outcome = result.async
      ? await (keepAlive ? holdProcessOpen(result.value) : result.value)
      : result.value;
    next = steps.next(outcome);
  }
  return next.value;
}

async function holdProcessOpen<T>(promise: Promise<T>): Promise<T> {
  const rearm = (): NodeJS.Timeout => setTimeout(() => (timer = rearm()), MAX_TIMER_MS);
  let timer = rearm();
  try {
    return await promise;
  } finally {
    clearTimeout(timer);
  }
}
