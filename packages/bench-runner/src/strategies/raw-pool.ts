// The minimum-overhead pool behind the raw references: p endpoints, each task sent to the
// endpoint with the fewest outstanding tasks, replies matched by id.
import type { TaskSpec } from '@concur/core';
import type { StrategyInstance } from './strategy.js';

/** One worker as the raw pool sees it. */
export interface RawEndpoint {
  send(message: unknown, transfer?: readonly ArrayBuffer[]): void;
  onMessage(handler: (message: RawReply) => void): void;
  close(): Promise<void>;
}

/** What raw workers send back. */
export interface RawReply {
  readonly id?: number;
  readonly ready?: true;
  readonly value?: unknown;
  readonly error?: string;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  endpoint: number;
}

/**
 * Waits for every endpoint's `ready` and returns an instance that dispatches over them.
 * @example
 * const instance = await createRawPool(endpoints);
 */
export async function createRawPool(endpoints: readonly RawEndpoint[]): Promise<StrategyInstance> {
  const pending = new Map<number, Pending>();
  const outstanding = endpoints.map(() => 0);
  let nextId = 0;
  const readiness = endpoints.map(
    (endpoint, index) =>
      new Promise<void>((ready) => {
        endpoint.onMessage((message) => {
          if (message.ready) return ready();
          const entry = pending.get(message.id!);
          if (entry === undefined) return;
          pending.delete(message.id!);
          outstanding[index]!--;
          if (message.error !== undefined) entry.reject(new Error(message.error));
          else entry.resolve(message.value);
        });
      }),
  );
  await Promise.all(readiness);
  return {
    submit(task: TaskSpec, args: readonly unknown[], transfer?: readonly ArrayBuffer[]) {
      let target = 0;
      for (let i = 1; i < outstanding.length; i++) {
        if (outstanding[i]! < outstanding[target]!) target = i;
      }
      const id = nextId++;
      outstanding[target]!++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, endpoint: target });
        endpoints[target]!.send({ id, task, args }, transfer);
      });
    },
    async close() {
      await Promise.all(endpoints.map((endpoint) => endpoint.close()));
      for (const entry of pending.values()) entry.reject(new Error('raw pool closed'));
      pending.clear();
    },
  };
}
