// Test helper: drives the serve loop in a real worker thread or child process, speaking
// the wire protocol directly, and always cleans the worker up.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { InitRequest, WorkerRequest, WorkerResponse } from '@concur/core';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);

export interface WorkerClient {
  readonly kind: 'thread' | 'process';
  send(message: WorkerRequest): void;
  /** Resolves with the next response matching `predicate`. */
  next(predicate?: (message: WorkerResponse) => boolean): Promise<WorkerResponse>;
  init(init?: Omit<InitRequest, 'type'>): Promise<WorkerResponse>;
  /** Resolves with the exit code. */
  exited(): Promise<number | null>;
  stderr(): string;
  close(): Promise<void>;
}

export function startWorker(kind: 'thread' | 'process'): WorkerClient {
  const received: WorkerResponse[] = [];
  const waiters: {
    predicate: (m: WorkerResponse) => boolean;
    resolve: (m: WorkerResponse) => void;
  }[] = [];
  let stderr = '';
  const deliver = (message: WorkerResponse) => {
    const flat = message.type === 'results' ? message.responses : [message];
    for (const item of flat) {
      const index = waiters.findIndex((w) => w.predicate(item));
      if (index >= 0) waiters.splice(index, 1)[0]!.resolve(item);
      else received.push(item);
    }
  };
  let post: (message: WorkerRequest) => void;
  let exit: Promise<number | null>;
  let kill: () => void;
  if (kind === 'thread') {
    const worker = new Worker(fixture('thread-entry.mjs'), { stderr: true });
    worker.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    worker.on('message', deliver);
    post = (message) => worker.postMessage(message);
    exit = once(worker, 'exit').then(([code]) => code as number);
    kill = () => void worker.terminate();
  } else {
    const child: ChildProcess = fork(fixture('child-entry.mjs'), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('message', (message) => deliver(message as WorkerResponse));
    post = (message) => child.send(message);
    exit = once(child, 'exit').then(([code]) => code as number | null);
    kill = () => void child.kill('SIGKILL');
  }
  const client: WorkerClient = {
    kind,
    send: (message) => post(message),
    next(predicate = () => true) {
      const index = received.findIndex(predicate);
      if (index >= 0) return Promise.resolve(received.splice(index, 1)[0]!);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    async init(init = {}) {
      post({ type: 'init', ...init });
      return client.next((m) => m.type === 'ready' || m.type === 'init-failed');
    },
    exited: () => exit,
    stderr: () => stderr,
    async close() {
      kill();
      await exit;
    },
  };
  return client;
}

export const byId = (id: number) => (message: WorkerResponse) =>
  (message.type === 'result' || message.type === 'error') && message.id === id;
