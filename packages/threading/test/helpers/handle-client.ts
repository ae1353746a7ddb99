// Test helper: wraps a thread worker handle with a mailbox so tests can await responses,
// errors and the exit, and kills every handle it made in afterEach.
import type { InitRequest, WorkerExit, WorkerResponse } from '@concur/core';
import {
  createThreadWorkerHandle,
  type ThreadWorkerHandle,
  type ThreadWorkerHandleOptions,
} from '@concur/threading';

export interface HandleClient {
  readonly handle: ThreadWorkerHandle;
  readonly errors: Error[];
  readonly exits: WorkerExit[];
  /** Resolves with the next response (flattening `results`) that matches `predicate`. */
  next(predicate?: (message: WorkerResponse) => boolean): Promise<WorkerResponse>;
  /** Resolves with the handle's exit. */
  exited(): Promise<WorkerExit>;
}

const made: ThreadWorkerHandle[] = [];

export const fixtureUrl = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).href;

export function startHandle(
  options: Partial<ThreadWorkerHandleOptions> = {},
  init: Omit<InitRequest, 'type'> = { threadName: 'test-thread' },
): HandleClient {
  const handle = createThreadWorkerHandle({ name: 'test-thread', ...options });
  made.push(handle);
  const received: WorkerResponse[] = [];
  const waiters: {
    predicate: (m: WorkerResponse) => boolean;
    resolve: (m: WorkerResponse) => void;
  }[] = [];
  const errors: Error[] = [];
  const exits: WorkerExit[] = [];
  let resolveExit!: (exit: WorkerExit) => void;
  const exit = new Promise<WorkerExit>((resolve) => (resolveExit = resolve));
  handle.setListener({
    onMessage(message) {
      const flat = message.type === 'results' ? message.responses : [message];
      for (const item of flat) {
        const index = waiters.findIndex((w) => w.predicate(item));
        if (index >= 0) waiters.splice(index, 1)[0]!.resolve(item);
        else received.push(item);
      }
    },
    onExit(result) {
      exits.push(result);
      resolveExit(result);
    },
    onError(error) {
      errors.push(error);
    },
  });
  handle.start({ type: 'init', ...init });
  return {
    handle,
    errors,
    exits,
    next(predicate = () => true) {
      const index = received.findIndex(predicate);
      if (index >= 0) return Promise.resolve(received.splice(index, 1)[0]!);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    exited: () => exit,
  };
}

export async function killAllHandles(): Promise<void> {
  await Promise.all(made.splice(0).map((handle) => handle.kill()));
}

export const byId = (id: number) => (message: WorkerResponse) =>
  (message.type === 'result' || message.type === 'error') && message.id === id;
