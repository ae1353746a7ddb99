// The Barrier's states (Python's filling/draining/resetting/broken plus one for the action
// hand-off), and the loop by which the thread that created a Barrier runs its action from
// its event loop when the last party to arrive lives in another thread.
import { lockMutexForever, unlockMutex } from './mutex.js';
import { BARRIER_LAYOUT as L } from './slots.js';
import type { WaitSteps } from './waiting.js';

/** Parties are arriving. */
export const FILLING = 0;
/** Every party arrived and the action ran: they are leaving. */
export const DRAINING = 1;
/** `reset()` while parties waited: they leave with BrokenBarrierError. */
export const RESETTING = 2;
/** Aborted, timed out, or the action threw. */
export const BROKEN = 3;
/** Every party arrived, and the last one waits for the creating thread to run the action. */
export const ACTION_PENDING = 4;

/**
 * Serves action requests forever: sleeps on the `actionRequests` slot and, when a cycle
 * waits for the action, runs `runAction` holding the barrier's mutex. Run it with
 * `runAsync(..., false)` in the creating thread: it must not keep the process alive.
 */
export function* serveActionRequests(cells: Int32Array, runAction: () => void): WaitSteps<void> {
  for (;;) {
    const requests = Atomics.load(cells, L.actionRequests);
    if (Atomics.load(cells, L.state) === ACTION_PENDING) {
      yield* lockMutexForever(cells, L.mutex);
      try {
        if (Atomics.load(cells, L.state) === ACTION_PENDING) runAction();
      } catch (error) {
        // The parties see BrokenBarrierError; the error itself is reported here.
        process.emitWarning(error as Error);
      } finally {
        unlockMutex(cells, L.mutex);
      }
    }
    yield { cells, index: L.actionRequests, expected: requests, timeout: Infinity };
  }
}
