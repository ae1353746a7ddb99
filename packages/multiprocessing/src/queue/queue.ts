// `Queue`, `SimpleQueue` and `JoinableQueue`: process-safe FIFO queues (Python's
// multiprocessing queues). The creating process keeps the items in a broker; copies sent to
// children (as ordinary task arguments) talk to it over a private Unix socket.
import { deserialize, serialize } from 'node:v8';
import {
  InvalidStateError,
  REVIVE,
  registerReviver,
  validateBoolean,
  validateDuration,
  validateNonNegativeInteger,
  validatePositiveInteger,
  type RevivableDescription,
} from '@concur/core';
import { getBrokerClient } from '../connection/broker-client.js';
import { getBrokerSocketPath, registerBroker } from '../connection/broker-server.js';
import { dispatchRequest, type BrokerOperation, type BrokerRequest } from './broker-requests.js';
import { QueueBroker } from './queue-broker.js';

/** The reviver name of every queue kind. */
const QUEUE_KIND = 'concur.multiprocessing.Queue';

type Call = BrokerOperation;
interface Backend {
  call(request: Call): Promise<unknown>;
  address(): { socketPath: string; target: number };
}
interface QueueData {
  readonly socketPath: string;
  readonly target: number;
  readonly type: 'Queue' | 'SimpleQueue' | 'JoinableQueue';
  readonly maxsize: number;
}

function createLocalBackend(broker: QueueBroker): Backend {
  let target: number | undefined;
  return {
    call(request) {
      try {
        return Promise.resolve(dispatchRequest(broker, { ...request, target: 0 } as BrokerRequest));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    address() {
      target ??= registerBroker(broker);
      return { socketPath: getBrokerSocketPath(), target };
    },
  };
}

function createRemoteBackend(socketPath: string, target: number): Backend {
  const client = getBrokerClient(socketPath);
  return {
    call: (request) => client.request({ ...request, target } as BrokerRequest),
    address: () => ({ socketPath, target }),
  };
}

/** Set by the reviver while it constructs a queue that talks to another process's broker. */
let revivedBackend: Backend | undefined;

/**
 * A FIFO queue shared between processes (Python's `multiprocessing.Queue`). Pass it to a
 * child as an ordinary argument. Items cross by V8 serialization and are copied on `put`.
 * Methods are asynchronous because the items may live in another process.
 *
 * @example
 * const queue = new Queue<number>();
 * new Process({ target: producer, args: [queue] }).start();
 * await queue.get(); // an item the child put
 */
export class Queue<T = unknown> {
  readonly #backend: Backend;
  readonly #maxsize: number;
  #closed = false;

  /**
   * @param maxsize - the most items held at once; `put` blocks when full. @default 0 (no limit)
   * @throws TypeError when `maxsize` is not a non-negative integer.
   */
  constructor(maxsize: number = 0) {
    this.#maxsize = validateNonNegativeInteger('maxsize', maxsize, 'argument');
    this.#backend = revivedBackend ?? createLocalBackend(new QueueBroker(this.#maxsize));
    revivedBackend = undefined;
  }

  /**
   * Puts an item, waiting for room while the queue is full.
   * @param block - wait for room (`true`) or fail at once. @default true
   * @param timeoutMs - the longest wait, in milliseconds. @default Infinity
   * @throws Full (rejects) when there is no room in time; TypeError for an unserializable item.
   */
  put(item: T, block = true, timeoutMs = Infinity): Promise<void> {
    return this.putMany([item], block, timeoutMs);
  }

  /** `put(item, false)`. @throws Full (rejects) when the queue is full. */
  putNowait(item: T): Promise<void> {
    return this.put(item, false);
  }

  /**
   * Puts several items in order with one message (an extra: far faster across processes).
   * With a timeout, the items that fitted stay when Full is raised.
   */
  async putMany(items: Iterable<T>, block = true, timeoutMs = Infinity): Promise<void> {
    if (this.#closed)
      throw new InvalidStateError('the queue is closed in this process: put() is not allowed.');
    validateBoolean('block', block, 'argument');
    validateDuration('timeoutMs', timeoutMs, 'argument');
    const copies = copyItems([...items]);
    await this.#backend.call({ op: 'put', items: copies, block, timeoutMs });
  }

  /**
   * Removes and returns the oldest item, waiting for one while the queue is empty.
   * @param block - wait (`true`) or fail at once. @default true
   * @param timeoutMs - the longest wait, in milliseconds. @default Infinity
   * @throws Empty (rejects) when no item comes in time.
   */
  async get(block = true, timeoutMs = Infinity): Promise<T> {
    return (await this.getMany(1, block, timeoutMs))[0]!;
  }

  /** `get(false)`. @throws Empty (rejects) when the queue is empty. */
  getNowait(): Promise<T> {
    return this.get(false);
  }

  /** Removes and returns up to `max` items (at least one), oldest first (an extra, like `putMany`). */
  async getMany(max: number, block = true, timeoutMs = Infinity): Promise<T[]> {
    validatePositiveInteger('max', max, 'argument');
    validateBoolean('block', block, 'argument');
    validateDuration('timeoutMs', timeoutMs, 'argument');
    return (await this.#backend.call({ op: 'get', max, block, timeoutMs })) as T[];
  }

  /** The number of items now (approximate while other processes put and get). */
  async qsize(): Promise<number> {
    return (await this.#backend.call({ op: 'qsize' })) as number;
  }

  /** Whether the queue is empty now. */
  async empty(): Promise<boolean> {
    return (await this.qsize()) === 0;
  }

  /** Whether the queue is full now. */
  async full(): Promise<boolean> {
    return (await this.#backend.call({ op: 'full' })) as boolean;
  }

  /** This process will put no more items (Python's `close`); `get` still works. */
  close(): void {
    this.#closed = true;
  }

  /** @internal Lets JoinableQueue reach the broker. */
  protected call(request: Call): Promise<unknown> {
    return this.#backend.call(request);
  }

  /** Describes the queue so a child can rebuild it (core's revivable protocol). */
  [REVIVE](): RevivableDescription {
    const data: QueueData = {
      ...this.#backend.address(),
      type: queueType(this),
      maxsize: this.#maxsize,
    };
    return { kind: QUEUE_KIND, moduleUrl: import.meta.url, data, scope: 'any' };
  }
}

/**
 * A simpler unbounded queue (Python's `multiprocessing.SimpleQueue`): `put`, `get`,
 * `empty`, `close`.
 * @example
 * const queue = new SimpleQueue<string>();
 */
export class SimpleQueue<T = unknown> extends Queue<T> {
  constructor() {
    super(0);
  }
}

/**
 * A queue that also counts unfinished items (Python's `multiprocessing.JoinableQueue`):
 * consumers call `taskDone()` per item, `join()` waits until every item put is done.
 * @example
 * const queue = new JoinableQueue<number>();
 * await queue.join(); // after consumers marked every item done
 */
export class JoinableQueue<T = unknown> extends Queue<T> {
  /**
   * Marks one fetched item (or `count`) as processed.
   * @throws InvalidStateError (rejects) when called more times than items were put.
   */
  async taskDone(count = 1): Promise<void> {
    validatePositiveInteger('count', count, 'argument');
    await this.call({ op: 'taskDone', count });
  }

  /** Waits until every item put has been marked done with `taskDone()`. */
  async join(): Promise<void> {
    await this.call({ op: 'join' });
  }
}

function queueType(queue: Queue<unknown>): QueueData['type'] {
  if (queue instanceof JoinableQueue) return 'JoinableQueue';
  if (queue instanceof SimpleQueue) return 'SimpleQueue';
  return 'Queue';
}

function copyItems(items: unknown[]): unknown[] {
  try {
    return deserialize(serialize(items)) as unknown[];
  } catch (cause) {
    throw new TypeError(
      `Cannot put the item on the queue: ${(cause as Error).message}. Items cross processes by V8 ` +
        'serialization: plain data, Maps, Sets, Dates, typed arrays and errors work; functions and symbols do not.',
      { cause },
    );
  }
}

registerReviver(QUEUE_KIND, (data) => {
  const { socketPath, target, type, maxsize } = data as QueueData;
  revivedBackend = createRemoteBackend(socketPath, target);
  if (type === 'JoinableQueue') return new JoinableQueue(maxsize);
  if (type === 'SimpleQueue') return new SimpleQueue();
  return new Queue(maxsize);
});
