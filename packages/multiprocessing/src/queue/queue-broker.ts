// The state of one queue (or one direction of a pipe), kept in the process that created it:
// items, blocked getters and putters in FIFO order, unfinished-task count, end of file.
import { InvalidStateError } from '@concur/core';
import { EOFError, Empty, Full } from './errors.js';

/** Cancels the blocked gets of one reader, e.g. every get of a process that went away. */
export type GetterOwner = Set<() => void>;

interface Getter {
  readonly max: number;
  readonly owner: GetterOwner | undefined;
  readonly cancel: () => void;
  readonly resolve: (items: unknown[]) => void;
  readonly reject: (error: unknown) => void;
  timer: NodeJS.Timeout | undefined;
}

interface Putter {
  readonly items: unknown[];
  offset: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  timer: NodeJS.Timeout | undefined;
}

interface Poller {
  readonly resolve: (readable: boolean) => void;
  timer: NodeJS.Timeout | undefined;
}

/** One queue's items and waiters. Every method is synchronous or settles a promise later. */
export class QueueBroker {
  #items: unknown[] = [];
  #head = 0;
  #getters: Getter[] = [];
  #putters: Putter[] = [];
  #pollers: Poller[] = [];
  #unfinished = 0;
  #joiners: (() => void)[] = [];
  #writerClosed = false;
  #remoteWriters = 0;

  /**
   * @param maxsize - the most items held; 0 means no limit.
   * @param endOfFile - pipe mode: once the writer closes, an empty queue answers EOFError.
   */
  constructor(
    readonly maxsize: number,
    readonly endOfFile: boolean = false,
  ) {}

  /** How many items are held now. */
  qsize(): number {
    return this.#items.length - this.#head;
  }

  /** Whether the queue holds `maxsize` items. */
  full(): boolean {
    return this.maxsize > 0 && this.qsize() >= this.maxsize;
  }

  /**
   * Adds items in order. Resolves once all are in; when `block` is false or `timeoutMs`
   * passes with no room, rejects with Full (items already added stay).
   */
  put(items: unknown[], block: boolean, timeoutMs: number): Promise<void> {
    this.#unfinished += items.length;
    const putter: Putter = {
      items,
      offset: 0,
      resolve: () => {},
      reject: () => {},
      timer: undefined,
    };
    const promise = new Promise<void>((resolve, reject) => {
      Object.assign(putter, { resolve, reject });
    });
    this.#putters.push(putter);
    this.#settle();
    if (putter.offset < items.length) {
      if (!block || timeoutMs <= 0) this.#failPutter(putter, 'the queue is full');
      else if (Number.isFinite(timeoutMs)) {
        putter.timer = setTimeout(
          () => this.#failPutter(putter, `the queue stayed full for ${timeoutMs} ms`),
          timeoutMs,
        );
      }
    }
    return promise;
  }

  /**
   * Takes up to `max` items (at least one). When `block` is false or `timeoutMs` passes
   * with none, rejects with Empty; in pipe mode after the writer closed, with EOFError.
   * @param owner - collects a cancel function while the get waits, so the gets of a reader
   * that went away are withdrawn and no item is handed to it.
   */
  get(max: number, block: boolean, timeoutMs: number, owner?: GetterOwner): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const getter: Getter = {
        max,
        owner,
        cancel: () => {
          this.#removeGetter(getter);
          clearTimeout(getter.timer);
          reject(new EOFError('the reading process went away.'));
        },
        resolve: (items) => {
          owner?.delete(getter.cancel);
          resolve(items);
        },
        reject: (error) => {
          owner?.delete(getter.cancel);
          reject(error);
        },
        timer: undefined,
      };
      this.#getters.push(getter);
      this.#settle();
      if (!this.#getters.includes(getter)) return;
      if (this.endOfFile && this.#writerClosed) {
        this.#removeGetter(getter);
        getter.reject(
          new EOFError('the other end of the pipe is closed and nothing is left to read.'),
        );
      } else if (!block || timeoutMs <= 0) {
        this.#removeGetter(getter);
        getter.reject(new Empty('the queue is empty.'));
      } else if (Number.isFinite(timeoutMs)) {
        getter.timer = setTimeout(() => {
          this.#removeGetter(getter);
          getter.reject(new Empty(`the queue stayed empty for ${timeoutMs} ms.`));
        }, timeoutMs);
      }
      owner?.add(getter.cancel);
    });
  }

  /** Resolves `true` once an item (or end of file) is there to read, `false` after `timeoutMs`. */
  poll(timeoutMs: number): Promise<boolean> {
    if (this.qsize() > 0 || this.#writerClosed) return Promise.resolve(true);
    if (timeoutMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const poller: Poller = { resolve, timer: undefined };
      if (Number.isFinite(timeoutMs)) {
        poller.timer = setTimeout(() => {
          this.#pollers = this.#pollers.filter((p) => p !== poller);
          resolve(false);
        }, timeoutMs);
      }
      this.#pollers.push(poller);
    });
  }

  /**
   * Marks `count` fetched items as processed (JoinableQueue's `task_done`).
   * @throws InvalidStateError when called more times than items were put (Python's ValueError).
   */
  taskDone(count: number): void {
    if (count > this.#unfinished) {
      throw new InvalidStateError(
        'taskDone() called more times than there were items in the queue.',
      );
    }
    this.#unfinished -= count;
    if (this.#unfinished === 0) for (const wake of this.#joiners.splice(0)) wake();
  }

  /** Resolves once every item put has been marked done. */
  join(): Promise<void> {
    if (this.#unfinished === 0) return Promise.resolve();
    return new Promise((resolve) => this.#joiners.push(resolve));
  }

  /** Counts a process holding the writing end (pipe mode). */
  attachWriter(): void {
    this.#remoteWriters += 1;
  }

  /** A process holding the writing end went away; the last one closes it (pipe mode). */
  detachWriter(): void {
    this.#remoteWriters -= 1;
    if (this.#remoteWriters === 0) this.closeWriter();
  }

  /** No more items will come: readers get EOFError once the queue is empty (pipe mode). */
  closeWriter(): void {
    if (this.#writerClosed) return;
    this.#writerClosed = true;
    for (const poller of this.#pollers.splice(0)) {
      clearTimeout(poller.timer);
      poller.resolve(true);
    }
    if (!this.endOfFile || this.qsize() > 0) return;
    for (const getter of this.#getters.splice(0)) {
      clearTimeout(getter.timer);
      getter.reject(new EOFError('the other end of the pipe was closed.'));
    }
  }

  /**
   * Puts items that were handed to a reader which never received them back at the front of
   * the queue, in their order, and serves waiting readers again.
   */
  returnItems(items: readonly unknown[]): void {
    if (items.length === 0) return;
    this.#items.splice(this.#head, 0, ...items);
    this.#settle();
  }

  /** Moves items from putters into the queue and from the queue to getters, FIFO. */
  #settle(): void {
    for (;;) {
      let moved = false;
      while (this.#putters.length > 0 && !this.full()) {
        const putter = this.#putters[0]!;
        const room = this.maxsize > 0 ? this.maxsize - this.qsize() : Infinity;
        const take = Math.min(room, putter.items.length - putter.offset);
        for (let i = 0; i < take; i++) this.#items.push(putter.items[putter.offset + i]);
        putter.offset += take;
        moved ||= take > 0;
        if (putter.offset < putter.items.length) break;
        this.#putters.shift();
        clearTimeout(putter.timer);
        putter.resolve();
      }
      while (this.#getters.length > 0 && this.qsize() > 0) {
        const getter = this.#getters.shift()!;
        clearTimeout(getter.timer);
        const count = Math.min(getter.max, this.qsize());
        const items = this.#items.slice(this.#head, this.#head + count);
        this.#head += count;
        getter.resolve(items);
        moved = true;
      }
      if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
        this.#items = this.#items.slice(this.#head);
        this.#head = 0;
      }
      if (this.qsize() > 0) {
        for (const poller of this.#pollers.splice(0)) {
          clearTimeout(poller.timer);
          poller.resolve(true);
        }
      }
      if (!moved || (this.#putters.length === 0 && this.#getters.length === 0)) return;
    }
  }

  #failPutter(putter: Putter, why: string): void {
    const index = this.#putters.indexOf(putter);
    if (index === -1) return;
    this.#putters.splice(index, 1);
    this.#unfinished -= putter.items.length - putter.offset;
    putter.reject(new Full(`${why}: ${putter.items.length - putter.offset} item(s) were not put.`));
  }

  #removeGetter(getter: Getter): void {
    const index = this.#getters.indexOf(getter);
    if (index !== -1) this.#getters.splice(index, 1);
  }
}
