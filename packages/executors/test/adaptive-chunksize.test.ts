// map's automatic chunksize for inputs of unknown length: the sizer on its own, and maps over
// generators on an executor that records every chunk it is asked to run (counted, not timed).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidStateError } from '@concur/core';
import {
  AdaptiveChunksize,
  BaseExecutor,
  Future,
  MAX_AUTO_CHUNKSIZE,
  type ExecutorState,
  type LocalTask,
} from '@concur/executors';

type Fn = (value: number) => unknown;

/**
 * Runs chunks on this thread, two at a time as two workers would, each taking a later turn
 * (`setImmediate`) or `delayMs` per item; records each chunk's size. `getAutoChunksize`
 * answers as the pool executors do.
 */
class RecordingExecutor extends BaseExecutor<LocalTask> {
  readonly chunks: number[] = [];
  readonly maxWorkers = 2;
  state: ExecutorState = 'running';
  readonly #queue: (() => boolean)[] = [];
  #busy = 0;

  constructor(readonly delayMs = 0) {
    super();
  }

  protected schedule(task: unknown, args: unknown[]): Future<unknown> {
    return this.#start(task, [args], false);
  }

  protected scheduleChunk(task: unknown, argsList: unknown[][]): Future<unknown[]> {
    return this.#start(task, argsList, true) as Future<unknown[]>;
  }

  #start(task: unknown, argsList: unknown[][], chunk: boolean): Future<unknown> {
    if (this.state !== 'running') throw new Error('shut down');
    this.chunks.push(argsList.length);
    const future = new Future<unknown>();
    const run = () => {
      try {
        const values = argsList.map((args) => (task as Fn)(args[0] as number));
        future.setResult(chunk ? values : values[0]);
      } catch (error) {
        future.setException(error);
      }
      this.#busy--;
      this.#pump();
    };
    this.#queue.push(() => {
      if (!future.setRunningOrNotifyCancel()) return false;
      if (this.delayMs === 0) setImmediate(run);
      else setTimeout(run, this.delayMs * argsList.length);
      return true;
    });
    this.#pump();
    return future;
  }

  #pump(): void {
    while (this.#busy < this.maxWorkers && this.#queue.length > 0) {
      if (this.#queue.shift()!()) this.#busy++;
    }
  }

  protected async close(): Promise<void> {
    this.state = 'shutdown';
  }

  protected getAutoChunksize(length: number | undefined): number | 'adaptive' {
    return length === undefined ? 'adaptive' : 1;
  }

  protected validateTask(): void {}
}

function* count(n: number) {
  for (let i = 0; i < n; i++) yield i;
}

async function* countAsync(n: number) {
  for (let i = 0; i < n; i++) yield i;
}

const double = (n: number) => 2 * n;

/** An endless async generator of 0, 1, 2, … and whether its `finally` ran (input closed). */
function endlessAsync() {
  const input = { closed: false, source: undefined as unknown as AsyncGenerator<number> };
  input.source = (async function* () {
    try {
      for (let i = 0; ; i++) yield i;
    } finally {
      input.closed = true;
    }
  })();
  return input;
}

describe('AdaptiveChunksize', () => {
  it('starts at one item and grows with the results delivered, up to the cap', () => {
    const sizer = new AdaptiveChunksize(2);
    expect(sizer.size).toBe(1);
    const sizes: number[] = [];
    for (let i = 0; i < 12; i++) {
      sizes.push(sizer.size);
      sizer.delivered(sizer.size);
    }
    expect(sizes).toEqual([1, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 512]);
    expect(MAX_AUTO_CHUNKSIZE).toBe(512);
  });

  it('stays at one item when the source is slow to yield', () => {
    const sizer = new AdaptiveChunksize(2);
    sizer.delivered(1_000);
    sizer.gathered(4, 100);
    expect(sizer.size).toBe(1);
    sizer.gathered(4, 0.001);
    expect(sizer.size).toBe(512);
  });

  it('shrinks to one item when a chunk comes back slowly, and ignores cancelled chunks', async () => {
    const sizer = new AdaptiveChunksize(2);
    sizer.delivered(1_000);
    const cancelled = new Future<unknown>();
    sizer.track(cancelled, 1);
    cancelled.cancel();
    expect(sizer.size).toBe(512);
    const slow = new Future<unknown>();
    sizer.track(slow, 1);
    await new Promise((resolve) => setTimeout(resolve, 25));
    slow.setResult([1]);
    expect(sizer.size).toBe(1);
  });
});

describe('map over an input of unknown length', () => {
  const executors: RecordingExecutor[] = [];
  const make = (delayMs = 0) => {
    const executor = new RecordingExecutor(delayMs);
    executors.push(executor);
    return executor;
  };
  afterEach(async () => {
    await Promise.all(executors.splice(0).map((executor) => executor.shutdown()));
  });

  it.each([
    ['a generator', () => count(100_000)],
    ['an async generator', () => countAsync(100_000)],
  ])('sends %s of tiny tasks in far fewer chunks than items, in order', async (_, input) => {
    const executor = make();
    const results = await executor.map(double, input());
    expect(results).toEqual(Array.from({ length: 100_000 }, (_, i) => 2 * i));
    const { chunks } = executor;
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(chunks.length).toBeLessThan(100_000 / 20);
    expect(chunks[0]).toBe(1);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(MAX_AUTO_CHUNKSIZE);
    // Slow start: no chunk holds more items than were delivered (so sent) before it.
    let sent = 0;
    for (const size of chunks) {
      expect(size).toBeLessThanOrEqual(Math.max(1, sent));
      sent += size;
    }
  });

  it('keeps one item per chunk when tasks are slower than the target', async () => {
    const executor = make(5);
    const results = await executor.map(double, count(30));
    expect(results).toEqual(Array.from({ length: 30 }, (_, i) => 2 * i));
    expect(executor.chunks).toEqual(Array.from({ length: 30 }, () => 1));
  });

  it('an explicit chunksize always wins', async () => {
    const executor = make();
    expect(await executor.map(double, count(10), { chunksize: 3 })).toHaveLength(10);
    expect(executor.chunks).toEqual([3, 3, 3, 1]);
  });

  it('reads an endless generator only a bounded way ahead, and stops it on break', async () => {
    const executor = make();
    let pulled = 0;
    let closed = false;
    function* endless() {
      try {
        for (;;) yield pulled++;
      } finally {
        closed = true;
      }
    }
    const readAhead = async (results: number) => {
      pulled = 0;
      closed = false;
      let seen = 0;
      for await (const value of executor.map(double, endless())) {
        expect(value).toBe(2 * seen);
        if (++seen === results) break;
      }
      expect(closed).toBe(true);
      return pulled - results;
    };
    // The window: 2 workers × 8 chunks of at most 512 items, each at most the results
    // delivered when it was sent.
    expect(await readAhead(20_000)).toBeLessThanOrEqual(16 * MAX_AUTO_CHUNKSIZE);
    expect(await readAhead(30)).toBeLessThanOrEqual(16 * 30);
  });

  it('stops an endless async generator when the consumer returns early', async () => {
    const executor = make();
    const input = endlessAsync();
    const results = executor.map(double, input.source);
    for (let i = 0; i < 5_000; i++) expect((await results.next()).value).toBe(2 * i);
    await results.return();
    await vi.waitFor(() => expect(input.closed).toBe(true));
  });

  it.each([
    [
      'a generator',
      function* failing() {
        yield* count(3_000);
        throw new Error('source broke');
      },
    ],
    [
      'an async generator',
      async function* failing() {
        yield* countAsync(3_000);
        throw new Error('source broke');
      },
    ],
  ])('raises an error thrown by %s after every result before it', async (_, failing) => {
    const executor = make();
    const seen: number[] = [];
    const iterate = async () => {
      for await (const value of executor.map(double, failing())) seen.push(value);
    };
    await expect(iterate()).rejects.toThrow('source broke');
    expect(seen).toEqual(Array.from({ length: 3_000 }, (_, i) => 2 * i));
  });

  it('at shutdown, runs what was read, then throws InvalidStateError and closes the input', async () => {
    const executor = make();
    const input = endlessAsync();
    const results = executor.map(double, input.source);
    const seen = [(await results.next()).value as number];
    await executor.shutdown();
    const rest = async () => {
      for await (const value of results) seen.push(value as number);
    };
    await expect(rest()).rejects.toBeInstanceOf(InvalidStateError);
    expect(seen).toEqual(seen.map((_, i) => 2 * i));
    await vi.waitFor(() => expect(input.closed).toBe(true));
  });

  it('sends what an async source gave so far when it stalls', async () => {
    const executor = make();
    let release!: () => void;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    async function* bursty() {
      yield* countAsync(5_000);
      await stalled;
      yield 5_000;
    }
    const seen: number[] = [];
    const done = (async () => {
      for await (const value of executor.map(double, bursty())) seen.push(value);
    })();
    // Without the stall flush the chunk being gathered would wait for the source.
    await vi.waitFor(() => expect(seen).toHaveLength(5_000), { timeout: 10_000 });
    release();
    await done;
    expect(seen).toEqual(Array.from({ length: 5_001 }, (_, i) => 2 * i));
  });
});
