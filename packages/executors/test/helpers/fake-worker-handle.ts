// Test helper: an in-memory WorkerHandle that runs core's `serve` over a MessageChannel in
// this thread, records what the pool does to it, and can "crash" on demand.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import {
  createMessagePortTransport,
  serve,
  type InitRequest,
  type WorkerExit,
  type WorkerHandle,
  type WorkerHandleFactory,
  type WorkerHandleListener,
  type WorkerHandleState,
  type WorkerRequest,
  type WorkerResponse,
} from '@concur/core';

/** A fake worker: real protocol, no real thread. */
export class FakeWorkerHandle implements WorkerHandle {
  readonly kind = 'thread' as const;
  state: WorkerHandleState = 'created';
  /** Every `setReferenced` call, in order. */
  readonly references: boolean[] = [];
  /** Every request sent (init included). */
  readonly sent: WorkerRequest[] = [];
  #listener: WorkerHandleListener | undefined;
  #port: MessagePort | undefined;
  #exit: WorkerExit | undefined;
  #exited: ((exit: WorkerExit) => void)[] = [];

  constructor(readonly name: string) {}

  setListener(listener: WorkerHandleListener): void {
    this.#listener = listener;
  }

  start(init: InitRequest): void {
    this.state = 'starting';
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    serve(createMessagePortTransport<WorkerResponse, WorkerRequest>(port2), {
      onStop: () => {
        port2.close();
        this.#finish({ exitCode: 0, signal: null });
      },
    });
    port1.on('message', (message: WorkerResponse) => {
      if (this.#exit !== undefined) return;
      if (message.type === 'ready') this.state = 'running';
      this.#listener?.onMessage(message);
    });
    this.send(init);
  }

  send(message: WorkerRequest, transfer?: readonly ArrayBuffer[]): void {
    this.sent.push(message);
    if (this.#exit === undefined) this.#port!.postMessage(message, transfer);
  }

  stop(): Promise<WorkerExit> {
    if (this.#exit !== undefined) return Promise.resolve(this.#exit);
    this.state = 'stopping';
    this.send({ type: 'stop' });
    return new Promise((resolve) => this.#exited.push(resolve));
  }

  kill(): Promise<WorkerExit> {
    this.#finish({ exitCode: null, signal: 'SIGKILL' });
    return Promise.resolve(this.#exit!);
  }

  /** Ends the worker as if it crashed with `exitCode`. */
  crash(exitCode: number): void {
    this.#finish({ exitCode, signal: null });
  }

  setReferenced(referenced: boolean): void {
    this.references.push(referenced);
  }

  #finish(exit: WorkerExit): void {
    if (this.#exit !== undefined) return;
    this.#exit = exit;
    this.state = 'stopped';
    this.#port?.close();
    // Exits arrive asynchronously, as a real worker's 'exit' event does.
    setImmediate(() => {
      for (const resolve of this.#exited.splice(0)) resolve(exit);
      this.#listener?.onExit(exit);
    });
  }
}

/** A factory that remembers every handle it made. */
export function createFakeFactory(): { factory: WorkerHandleFactory; handles: FakeWorkerHandle[] } {
  const handles: FakeWorkerHandle[] = [];
  return {
    handles,
    factory: ({ name }) => {
      const handle = new FakeWorkerHandle(name);
      handles.push(handle);
      return handle;
    },
  };
}
