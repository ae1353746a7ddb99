// Who is running this code: the thread and process names that `currentThread()` and
// `currentProcess()` report, set by the worker loop from its `init` message.
import { isMainThread, threadId } from 'node:worker_threads';
import type { WorkerIdentity } from '../protocol/messages.js';

const identity: { -readonly [K in keyof WorkerIdentity]: WorkerIdentity[K] } = {
  threadName: isMainThread ? 'MainThread' : `Thread-${threadId}`,
  threadId,
  processName: 'MainProcess',
  pid: process.pid,
};

/**
 * Returns the identity of the calling thread and process.
 *
 * @example
 * getWorkerIdentity().threadName; // 'MainThread' in the main thread
 */
export function getWorkerIdentity(): WorkerIdentity {
  return { ...identity };
}

/**
 * Sets the names reported for this thread or process. Called by worker entry points.
 * @example
 * setWorkerIdentity({ threadName: 'Thread-1' });
 */
export function setWorkerIdentity(names: { threadName?: string; processName?: string }): void {
  if (names.threadName !== undefined) identity.threadName = names.threadName;
  if (names.processName !== undefined) identity.processName = names.processName;
}
