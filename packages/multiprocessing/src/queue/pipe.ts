// `Pipe()` and `Connection`: two connected ends (Python's multiprocessing.Pipe). Each
// direction is a broker queue in the creating process that ends in EOFError once its
// writer closes (explicitly, or because every process holding that end exited).
import { deserialize, serialize } from 'node:v8';
import {
  InvalidStateError,
  REVIVE,
  registerReviver,
  validateBoolean,
  validateDuration,
  type RevivableDescription,
} from '@concur/core';
import { getBrokerClient } from '../connection/broker-client.js';
import { getBroker, getBrokerSocketPath, registerBroker } from '../connection/broker-server.js';
import { dispatchRequest, type AddressedOperation, type BrokerRequest } from './broker-requests.js';
import { QueueBroker } from './queue-broker.js';

const CONNECTION_KIND = 'concur.multiprocessing.Connection';

type Call = AddressedOperation;
interface Link {
  /** Sends a request and waits for the answer. */
  call(request: Call): Promise<unknown>;
  /** Sends a request that wants no answer, in order with the others. */
  notify(request: Call): void;
  readonly socketPath: string;
}
interface ConnectionData {
  readonly socketPath: string;
  readonly inbox: number | undefined;
  readonly outbox: number | undefined;
}

const localLink: Link = {
  call(request) {
    try {
      return Promise.resolve(dispatchRequest(getBroker(request.target)!, request as BrokerRequest));
    } catch (error) {
      return Promise.reject(error);
    }
  },
  notify(request) {
    void localLink.call(request).catch(() => {}); // the local put never blocks: pipes are unbounded
  },
  get socketPath() {
    return getBrokerSocketPath();
  },
};

/**
 * One end of a {@link Pipe}: `send` objects, `recv` them at the other end, in order.
 * Pass an end to a child as an ordinary argument.
 *
 * @example
 * const [parentEnd, childEnd] = Pipe();
 * new Process({ target: reply, args: [childEnd] }).start();
 * console.log(await parentEnd.recv());
 */
export class Connection<T = unknown> {
  #closed = false;

  /** @internal Created by {@link Pipe} or rebuilt in a child. */
  constructor(
    private readonly link: Link,
    private readonly inbox: number | undefined,
    private readonly outbox: number | undefined,
  ) {}

  /** Whether this end can receive. */
  get readable(): boolean {
    return this.inbox !== undefined;
  }

  /** Whether this end can send. */
  get writable(): boolean {
    return this.outbox !== undefined;
  }

  /** Whether `close()` was called on this end. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Sends an object to the other end (copied by V8 serialization now, so later changes
   * do not travel).
   * @throws TypeError for an unserializable object; InvalidStateError when closed or read-only.
   */
  send(value: T): void {
    const outbox = this.#check(this.outbox, 'send on');
    let copy: unknown;
    try {
      copy = deserialize(serialize(value));
    } catch (cause) {
      throw new TypeError(
        `Cannot send the object through the pipe: ${(cause as Error).message}. Objects cross by V8 serialization.`,
        { cause },
      );
    }
    this.link.notify({ target: outbox, op: 'put', items: [copy], block: false, timeoutMs: 0 });
  }

  /**
   * Receives the next object, waiting for one.
   * @throws EOFError (rejects) when nothing is left and the other end is closed.
   */
  async recv(): Promise<T> {
    const inbox = this.#check(this.inbox, 'recv on');
    const [value] = (await this.link.call({
      target: inbox,
      op: 'get',
      max: 1,
      block: true,
      timeoutMs: Infinity,
    })) as T[];
    return value!;
  }

  /**
   * Tells whether there is something to `recv` (or end of file), waiting up to `timeoutMs`.
   * @param timeoutMs - the longest wait, in milliseconds. @default 0 (answer at once)
   */
  async poll(timeoutMs = 0): Promise<boolean> {
    validateDuration('timeoutMs', timeoutMs, 'argument');
    const inbox = this.#check(this.inbox, 'poll');
    return (await this.link.call({ target: inbox, op: 'poll', timeoutMs })) as boolean;
  }

  /** Closes this end: the other end's `recv` fails with EOFError once it has read everything. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.outbox !== undefined) this.link.notify({ target: this.outbox, op: 'closeWriter' });
  }

  #check(box: number | undefined, action: string): number {
    if (this.#closed) throw new InvalidStateError(`cannot ${action} a closed connection.`);
    if (box === undefined)
      throw new InvalidStateError(`cannot ${action} this end: the pipe is one-way (duplex false).`);
    return box;
  }

  /** Describes this end so a child can rebuild it (core's revivable protocol). */
  [REVIVE](): RevivableDescription {
    const data: ConnectionData = {
      socketPath: this.link.socketPath,
      inbox: this.inbox,
      outbox: this.outbox,
    };
    return { kind: CONNECTION_KIND, moduleUrl: import.meta.url, data, scope: 'any' };
  }
}

/**
 * Creates a pipe and returns its two ends (Python's `multiprocessing.Pipe`).
 * @param duplex - both ends send and receive; when `false`, the first end only receives and
 * the second only sends. @default true
 * @example
 * const [a, b] = Pipe();
 * a.send({ hello: 'world' });
 * await b.recv(); // { hello: 'world' }
 */
export function Pipe<T = unknown>(duplex = true): [Connection<T>, Connection<T>] {
  validateBoolean('duplex', duplex, 'argument');
  const open = () => {
    const broker = new QueueBroker(0, true);
    return registerBroker(broker);
  };
  const toFirst = open();
  const toSecond = duplex ? open() : undefined;
  return [
    new Connection<T>(localLink, toFirst, toSecond),
    new Connection<T>(localLink, toSecond, toFirst),
  ];
}

registerReviver(CONNECTION_KIND, (data) => {
  const { socketPath, inbox, outbox } = data as ConnectionData;
  const client = getBrokerClient(socketPath);
  const link: Link = {
    call: (request) => client.request(request),
    notify: (request) => client.notify(request),
    socketPath,
  };
  // The broker closes this end for writing when every process holding it has gone.
  if (outbox !== undefined) client.notify({ target: outbox, op: 'attachWriter' });
  return new Connection(link, inbox, outbox);
});
