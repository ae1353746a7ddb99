// The errors of queues and pipes, with Python's names: `Empty`, `Full` (module `queue`) and
// `EOFError`; registered so they keep their class when they cross from a broker.
import { ConcurError, registerErrorClass } from '@concur/core';

/**
 * `get` found no item: the queue was empty (non-blocking) or stayed empty for the timeout.
 * @example
 * await queue.getNowait().catch((e) => e instanceof Empty); // true on an empty queue
 */
export class Empty extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_QUEUE_EMPTY';
}
Object.defineProperty(Empty.prototype, 'name', {
  value: 'Empty',
  writable: true,
  configurable: true,
});

/**
 * `put` found no room: the queue was full (non-blocking) or stayed full for the timeout.
 * @example
 * await queue.putNowait(1).catch((e) => e instanceof Full); // true on a full queue
 */
export class Full extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_QUEUE_FULL';
}
Object.defineProperty(Full.prototype, 'name', {
  value: 'Full',
  writable: true,
  configurable: true,
});

/**
 * `recv` found nothing left to read and the other end is closed (Python's `EOFError`), or
 * the process that owns the queue or pipe is gone.
 * @example
 * await connection.recv().catch((e) => e instanceof EOFError);
 */
export class EOFError extends ConcurError {
  override readonly code: string = 'ERR_CONCUR_EOF';
}
Object.defineProperty(EOFError.prototype, 'name', {
  value: 'EOFError',
  writable: true,
  configurable: true,
});

registerErrorClass(Empty);
registerErrorClass(Full);
registerErrorClass(EOFError);
