// Exceptions escaping a thread are never lost: the excepthook gets them (default: printed
// with the thread's name and remote stack), and they stay readable on the Thread.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { taskFrom, WorkerCrashedError } from '@concur/core';
import {
  defaultExcepthook,
  getExcepthook,
  setExcepthook,
  type ExcepthookArgs,
} from '@concur/threading';
import { createThread, joinAllThreads } from './helpers/threads.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const throwNow = taskFrom(fixture('throw.mjs'), 'throwNow');
const throwLater = taskFrom(fixture('throw.mjs'), 'throwLater');
const exitWith = taskFrom(fixture('exit-with.mjs'), 'exitWith');

function captureStderr(): string[] {
  const writes: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    writes.push(String(chunk));
    return true;
  });
  return writes;
}

afterEach(async () => {
  await joinAllThreads();
  setExcepthook(defaultExcepthook);
  vi.restoreAllMocks();
});

describe('excepthook', () => {
  it('prints "Exception in thread <name>:" and the remote stack by default', async () => {
    const writes = captureStderr();
    expect(getExcepthook()).toBe(defaultExcepthook);
    const thread = createThread({ target: throwNow, args: ['bad value'], name: 'calc' });
    thread.start();
    await thread.join();
    const printed = writes.join('');
    expect(printed).toMatch(/^Exception in thread calc:\nRangeError: bad value\n\s+at throwNow/);
    expect(printed).toContain('(thread "calc")');
    expect(thread.exception).toBeInstanceOf(RangeError);
  });

  it('receives an uncaught exception thrown outside the task, once', async () => {
    const calls: ExcepthookArgs[] = [];
    setExcepthook((args) => calls.push(args));
    const thread = createThread({ target: throwLater, args: ['from a timer'] });
    thread.start();
    await thread.join();
    expect(calls).toHaveLength(1);
    expect((calls[0]!.excValue as Error).message).toBe('from a timer');
    expect(calls[0]!.thread).toBe(thread);
    expect(thread.exception).toBe(calls[0]!.excValue);
  });

  it('reports a thread that exits with a non-zero code as a WorkerCrashedError', async () => {
    const calls: ExcepthookArgs[] = [];
    setExcepthook((args) => calls.push(args));
    const thread = createThread({ target: exitWith, args: [3], name: 'quitter' });
    thread.start();
    await thread.join();
    expect(thread.exception).toBeInstanceOf(WorkerCrashedError);
    expect(thread.exception).toMatchObject({
      exitCode: 3,
      workerName: 'quitter',
      taskName: 'exitWith',
    });
    expect(calls.map((c) => c.excType)).toEqual([WorkerCrashedError]);
  });

  it('treats process.exit(0) in a thread as a quiet end, like SystemExit', async () => {
    const hook = vi.fn();
    setExcepthook(hook);
    const thread = createThread({ target: exitWith, args: [0] });
    thread.start();
    await thread.join();
    expect(thread.exception).toBeUndefined();
    expect(hook).not.toHaveBeenCalled();
  });

  it('prints both when the hook itself throws, so nothing is lost', async () => {
    const writes = captureStderr();
    setExcepthook(() => {
      throw new Error('hook broke');
    });
    const thread = createThread({ target: throwNow, args: ['original'], name: 'h' });
    thread.start();
    await thread.join();
    const printed = writes.join('');
    expect(printed).toContain('Exception in thread h:\nRangeError: original');
    expect(printed).toContain('Exception in threading excepthook:\nError: hook broke');
  });

  it('rejects a hook that is not a function', () => {
    expect(() => setExcepthook(1 as never)).toThrow(
      'Expected the `hook` argument to be a function, got `1` (number).',
    );
  });
});
