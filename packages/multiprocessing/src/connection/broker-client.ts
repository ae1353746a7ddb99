// One connection from this process to another process's broker server (one per server,
// shared by every queue and pipe end revived here): framed requests, replies matched by id.
import { createConnection, type Socket } from 'node:net';
import { deserializeError } from '@concur/core';
import type { AddressedOperation, BrokerReply, BrokerRequest } from '../queue/broker-requests.js';
import { EOFError } from '../queue/errors.js';
import { registerExitFlush } from './exit-flush.js';
import { encodeFrame, FrameDecoder } from './framing.js';

/** How long to wait between attempts to reach a broker that is not listening yet. */
const CONNECT_RETRY_DELAY_MS = 20;
/** How many attempts before giving up (about 2 s in all: the broker listens long before). */
const CONNECT_ATTEMPTS = 100;
/** How often `flush` checks whether a still-connecting socket has sent its queued frames. */
const FLUSH_POLL_MS = 5;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** Request/reply over one Unix socket to a broker server. */
export class BrokerClient {
  #socket: Socket | undefined;
  /** The socket still connecting, so a request made meanwhile can hold the event loop. */
  #connecting: Socket | undefined;
  #queued: Buffer[] = [];
  #pending = new Map<number, Pending>();
  #nextId = 0;
  #failure: Error | undefined;
  readonly #decoder = new FrameDecoder();

  constructor(readonly socketPath: string) {
    this.#connect(1);
  }

  /** Sends a request and resolves with the broker's answer (or rejects with its error). */
  request(request: AddressedOperation): Promise<unknown> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    this.#nextId += 1;
    const id = this.#nextId;
    const promise = new Promise<unknown>((resolve, reject) =>
      this.#pending.set(id, { resolve, reject }),
    );
    this.#write({ ...request, id } as BrokerRequest);
    this.#updateReference();
    return promise;
  }

  /**
   * Sends a request that wants no reply (a pipe's `send`). Frames keep their order, so a
   * later request sees its effect.
   * @throws EOFError when the broker is gone.
   */
  notify(request: AddressedOperation): void {
    if (this.#failure !== undefined) throw this.#failure;
    this.#write(request as BrokerRequest);
  }

  /**
   * Resolves once every frame written so far has been handed to the operating system, or
   * the broker is gone: a child calls it before exiting, so a pipe `send` or queue `put`
   * made just before a task returned is not lost.
   */
  async flush(): Promise<void> {
    while (this.#failure === undefined && (this.#socket === undefined || this.#queued.length > 0)) {
      if (this.#connecting === undefined && this.#socket === undefined) return;
      await new Promise((resolve) => setTimeout(resolve, FLUSH_POLL_MS));
    }
    const socket = this.#socket;
    if (this.#failure !== undefined || socket === undefined) return;
    // An empty write completes after every earlier write on the socket.
    await new Promise<void>((resolve) => socket.write('', () => resolve()));
  }

  #write(request: BrokerRequest): void {
    const frame = encodeFrame(request);
    if (this.#socket?.readyState === 'open') this.#socket.write(frame);
    else this.#queued.push(frame);
  }

  #connect(attempt: number): void {
    const socket = createConnection(this.socketPath);
    this.#connecting = socket;
    this.#updateReference();
    socket.once('connect', () => {
      this.#socket = socket;
      this.#connecting = undefined;
      for (const frame of this.#queued.splice(0)) socket.write(frame);
      this.#updateReference();
    });
    socket.on('data', (chunk: Buffer) => {
      for (const reply of this.#decoder.push(chunk) as BrokerReply[]) this.#settle(reply);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const notYet = error.code === 'ENOENT' || error.code === 'ECONNREFUSED';
      if (this.#socket === undefined && notYet && attempt < CONNECT_ATTEMPTS) {
        socket.destroy();
        const retry = setTimeout(() => this.#connect(attempt + 1), CONNECT_RETRY_DELAY_MS);
        if (this.#pending.size === 0) retry.unref();
        return;
      }
      this.#fail(error);
    });
    socket.on('close', () => {
      if (this.#socket === socket) this.#fail(undefined);
    });
  }

  #settle(reply: BrokerReply): void {
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    this.#pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else
      pending.reject(deserializeError(reply.error as never, `queue broker at ${this.socketPath}`));
    this.#updateReference();
  }

  #fail(cause: Error | undefined): void {
    if (this.#failure !== undefined) return;
    this.#failure = new EOFError(
      `the process that owns this queue or pipe is gone (its broker at ${this.socketPath} closed).`,
      { cause },
    );
    clients.delete(this.socketPath);
    for (const pending of this.#pending.values()) pending.reject(this.#failure);
    this.#pending.clear();
  }

  /** The socket holds the event loop only while a reply is awaited (a blocked get, say). */
  #updateReference(): void {
    const socket = this.#socket ?? this.#connecting;
    if (this.#pending.size > 0) socket?.ref();
    else socket?.unref();
  }
}

const clients = new Map<string, BrokerClient>();

/** Flushes every broker client of this process (see {@link BrokerClient.flush}). */
export async function flushBrokerClients(): Promise<void> {
  await Promise.all([...clients.values()].map((client) => client.flush()));
}
// A child that uses a queue or pipe loads this module, and then waits for its frames at exit.
registerExitFlush(flushBrokerClients);

/** The shared client for the broker server at `socketPath`. */
export function getBrokerClient(socketPath: string): BrokerClient {
  let client = clients.get(socketPath);
  if (client === undefined) {
    client = new BrokerClient(socketPath);
    clients.set(socketPath, client);
  }
  return client;
}
