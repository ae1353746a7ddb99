// What a Thread tells its worker through `workerData`: facts the worker's currentThread()
// reports and that the wire protocol's `init` does not carry.
import { workerData } from 'node:worker_threads';

/** The `workerData` key under which a Thread passes {@link ThreadWorkerData}. */
export const THREAD_DATA_KEY = 'concur.thread';

/** Facts about a Thread, readable inside its worker. */
export interface ThreadWorkerData {
  readonly daemon: boolean;
}

/** Returns what the Thread that started this worker said about itself, if one did. */
export function getThreadWorkerData(): ThreadWorkerData | undefined {
  if (typeof workerData !== 'object' || workerData === null) return undefined;
  const data = (workerData as Record<string, unknown>)[THREAD_DATA_KEY];
  return typeof data === 'object' && data !== null ? (data as ThreadWorkerData) : undefined;
}
