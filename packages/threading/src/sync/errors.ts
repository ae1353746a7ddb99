// The errors of the sync primitives and the queue, registered with core's error codec so
// they keep their class when they cross a thread boundary.
import { ConcurError, registerErrorClass } from '@concur/core';

function defineName(klass: { prototype: Error }, name: string): void {
  Object.defineProperty(klass.prototype, 'name', {
    value: name,
    writable: true,
    configurable: true,
  });
}

/**
 * A Barrier was broken (aborted, reset while threads waited, timed out, or its action threw)
 * while a thread waited on it, or was used while broken (Python's `BrokenBarrierError`).
 *
 * @example
 * try { barrier.wait(100); } catch (error) { if (error instanceof BrokenBarrierError) barrier.reset(); }
 */
export class BrokenBarrierError extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_BROKEN_BARRIER';
}
defineName(BrokenBarrierError, 'BrokenBarrierError');

/**
 * `getNowait()` found the queue empty, or a blocking `get` timed out (Python's `queue.Empty`).
 *
 * @example
 * try { queue.getNowait(); } catch (error) { if (error instanceof Empty) console.log('nothing yet'); }
 */
export class Empty extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_QUEUE_EMPTY';
}
defineName(Empty, 'Empty');

/**
 * `putNowait()` found the queue full, or a blocking `put` timed out (Python's `queue.Full`).
 *
 * @example
 * try { queue.putNowait(item); } catch (error) { if (error instanceof Full) dropped += 1; }
 */
export class Full extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_QUEUE_FULL';
}
defineName(Full, 'Full');

/**
 * The queue was shut down: `put` always fails, `get` fails once the queue is empty (at once
 * after `shutdown(true)`) (Python 3.13's `queue.ShutDown`).
 *
 * @example
 * for (;;) { try { handle(queue.get()); } catch (error) { if (error instanceof ShutDown) break; throw error; } }
 */
export class ShutDown extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_QUEUE_SHUT_DOWN';
}
defineName(ShutDown, 'ShutDown');

registerErrorClass(BrokenBarrierError);
registerErrorClass(Empty);
registerErrorClass(Full);
registerErrorClass(ShutDown);
