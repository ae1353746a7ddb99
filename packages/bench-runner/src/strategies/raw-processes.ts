// The physical reference for processes: p bare forked children, one IPC message per task.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createRawPool, type RawEndpoint, type RawReply } from './raw-pool.js';
import type { Strategy } from './strategy.js';

const CHILD_PATH = fileURLToPath(new URL('./peer-workers/raw-child-worker.js', import.meta.url));
/** A child that ignores the closed IPC channel this long is killed: it should exit at once. */
const CHILD_EXIT_GRACE_MS = 2000;

function createEndpoint(): RawEndpoint {
  const child = fork(CHILD_PATH, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    send: (message) => void child.send(message as object),
    onMessage: (handler) => child.on('message', (message) => handler(message as RawReply)),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_EXIT_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Bare `child_process.fork` with V8 serialization: the floor any process pool is measured against. */
export const rawProcessesStrategy: Strategy = {
  name: 'raw-processes',
  label: 'raw child processes',
  model: 'processes',
  origin: 'raw',
  canTransfer: false,
  create: (workers) => createRawPool(Array.from({ length: workers }, createEndpoint)),
};
