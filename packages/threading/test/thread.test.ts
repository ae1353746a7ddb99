// Thread with a target task: lifecycle, join with and without timeout, names, arguments
// (revivables included) and option validation, with real worker threads.
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { InvalidStateError, taskFrom } from '@concur/core';
import { printNumbers } from '@concur/core/workloads';
import { setExcepthook, defaultExcepthook, Thread, type ThreadOptions } from '@concur/threading';
import { SharedCounter } from './fixtures/increment-shared.mjs';
import { createThread, joinAllThreads } from './helpers/threads.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const sleepThenReturn = taskFrom(fixture('sleep.mjs'), 'sleepThenReturn');
const incrementShared = taskFrom(fixture('increment-shared.mjs'), 'incrementShared');

afterEach(async () => {
  await joinAllThreads();
  setExcepthook(defaultExcepthook);
  vi.restoreAllMocks();
});

describe('Thread with a target', () => {
  it('runs the target in a worker thread; join settles when it has ended', async () => {
    const thread = createThread({ target: sleepThenReturn, args: [5, 'x'] });
    expect(thread.isAlive()).toBe(false);
    expect(thread.ident).toBeUndefined();
    thread.start();
    expect(thread.isAlive()).toBe(true);
    expect(thread.ident).toBeGreaterThan(0);
    await thread.join();
    expect(thread.isAlive()).toBe(false);
    expect(thread.exception).toBeUndefined();
    expect(String(thread)).toMatch(/^<Thread\(Thread-\d+ \(sleepThenReturn\), stopped\)>$/);
  });

  it('join(timeoutMs) settles after the timeout while the thread is still alive', async () => {
    const thread = createThread({ target: sleepThenReturn, args: [1_000, 'x'] });
    thread.start();
    await thread.join(5);
    expect(thread.isAlive()).toBe(true);
    await thread.join();
    expect(thread.isAlive()).toBe(false);
  });

  it('names threads like Python: Thread-N, Thread-N (target), or the given name', () => {
    const plain = new Thread();
    const withTarget = new Thread({ target: printNumbers });
    const numbers = [plain.name, withTarget.name].map((n) => Number(/^Thread-(\d+)/.exec(n)![1]));
    expect(plain.name).toMatch(/^Thread-\d+$/);
    expect(withTarget.name).toBe(`Thread-${numbers[0]! + 1} (printNumbers)`);
    expect(new Thread({ name: 'worker-a' }).name).toBe('worker-a');
    plain.name = 'renamed';
    expect(plain.name).toBe('renamed');
  });

  it('throws "threads can only be started once" on a second start()', async () => {
    const thread = createThread({ target: sleepThenReturn, args: [1, 'x'] });
    thread.start();
    expect(() => thread.start()).toThrow(InvalidStateError);
    expect(() => thread.start()).toThrow('threads can only be started once');
    await thread.join();
    expect(() => thread.start()).toThrow('threads can only be started once');
  });

  it('rejects join() before start() and refuses daemon changes after start()', async () => {
    const thread = createThread({ target: sleepThenReturn, args: [1, 'x'] });
    await expect(thread.join()).rejects.toThrow('cannot join thread before it is started');
    thread.daemon = true;
    expect(thread.daemon).toBe(true);
    thread.start();
    expect(() => (thread.daemon = false)).toThrow('cannot set daemon status of active thread');
  });

  it('runs a thread without target or run() override and ends it', async () => {
    const thread = createThread();
    thread.start();
    await thread.join();
    expect(thread.isAlive()).toBe(false);
    expect(thread.exception).toBeUndefined();
  });

  it('passes revivable args (also nested) so shared-memory objects arrive working', async () => {
    const counter = new SharedCounter();
    const threads = [1, 2, 3].map(() =>
      createThread({ target: incrementShared, args: [{ counter }, 100] }),
    );
    threads.forEach((t) => t.start());
    await Promise.all(threads.map((t) => t.join()));
    expect(threads.map((t) => t.exception)).toEqual([undefined, undefined, undefined]);
    expect(counter.value).toBe(300);
  });

  it('throws from start() when args cannot be cloned, and starts no worker', () => {
    const thread = new Thread({ target: sleepThenReturn, args: [1, () => 1] as never });
    expect(() => thread.start()).toThrow(
      /Cannot start thread `Thread-\d+ \(sleepThenReturn\)`: its args cannot be sent/,
    );
    expect(thread.isAlive()).toBe(false);
    expect(thread.ident).toBeUndefined();
  });

  it('runs run() here when called directly, as Python does', async () => {
    const thread = new Thread({ target: sleepThenReturn, args: [1, 'here'] });
    expect(await thread.run()).toBe('here');
  });

  it('validates options with the one message template', async () => {
    expect(() => new Thread({ daemon: 'yes' } as never)).toThrow(
      'Expected the `daemon` option to be a boolean, got `"yes"` (string).',
    );
    expect(() => new Thread({ target: () => 1 } as never)).toThrow(
      /`target` argument to be a task/,
    );
    expect(() => new Thread({ args: 1 } as never)).toThrow(/`args` option to be an array/);
    expect(() => new Thread({ targt: printNumbers } as never)).toThrow(/Did you mean `target`/);
    await expect(new Thread().join(-1)).rejects.toThrow(/`timeoutMs` argument/);
  });

  it("types args from the target's signature", () => {
    expectTypeOf<ThreadOptions<typeof printNumbers>['args']>().toEqualTypeOf<
      [delayMs?: number] | undefined
    >();
    const typed = () => {
      // @ts-expect-error printNumbers takes a number of milliseconds, not a string
      new Thread({ target: printNumbers, args: ['slow'] });
      new Thread({ target: printNumbers, args: [10] });
    };
    expectTypeOf(typed).toBeFunction();
  });
});
