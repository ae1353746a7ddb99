// The physical reference for threads: p bare worker_threads, one postMessage per task.
import { Worker } from 'node:worker_threads';
import { createRawPool, type RawEndpoint, type RawReply } from './raw-pool.js';
import type { Strategy } from './strategy.js';

const WORKER_URL = new URL('./peer-workers/raw-thread-worker.js', import.meta.url);

function createEndpoint(): RawEndpoint {
  const worker = new Worker(WORKER_URL);
  return {
    send: (message, transfer) => worker.postMessage(message, transfer as ArrayBuffer[] | undefined),
    onMessage: (handler) => worker.on('message', (message: RawReply) => handler(message)),
    close: async () => {
      await worker.terminate();
    },
  };
}

/** Bare `worker_threads` with no pool library: the floor any thread pool is measured against. */
export const rawThreadsStrategy: Strategy = {
  name: 'raw-threads',
  label: 'raw worker_threads',
  model: 'threads',
  origin: 'raw',
  canTransfer: true,
  create: (workers) => createRawPool(Array.from({ length: workers }, createEndpoint)),
};
