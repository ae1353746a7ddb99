// Thread subclasses: run() executes inside the worker thread on an instance rebuilt from
// the fields the constructor set, as Python's spawn unpickles a Process.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultExcepthook, setExcepthook } from '@concur/threading';
import { FailingThread, ReportThread, UnregisteredThread } from './fixtures/report-thread.mjs';
import { joinAllThreads, track } from './helpers/threads.js';

afterEach(async () => {
  await joinAllThreads();
  setExcepthook(defaultExcepthook);
  vi.restoreAllMocks();
});

describe('Thread subclass', () => {
  it('runs run() in the worker with the cloned fields; currentThread() is that instance', async () => {
    const shared = new SharedArrayBuffer(12);
    const thread = track(new ReportThread('Worker-1', 5, shared));
    expect(thread.name).toBe('Worker-1');
    thread.start();
    await thread.join();
    expect(thread.exception).toBeUndefined();
    // [ran off the main thread, currentThread() === this, nested field arrived]
    expect([...new Int32Array(shared)]).toEqual([1, 1, 2]);
  });

  it('runs two instances at once, each with its own fields', async () => {
    const buffers = [new SharedArrayBuffer(12), new SharedArrayBuffer(12)];
    const threads = buffers.map((b, i) => track(new ReportThread(`Worker-${i + 1}`, 20, b)));
    threads.forEach((t) => t.start());
    expect(threads.every((t) => t.isAlive())).toBe(true);
    await Promise.all(threads.map((t) => t.join()));
    expect(buffers.map((b) => new Int32Array(b)[0])).toEqual([1, 1]);
  });

  it('sends an exception from run() to the excepthook and keeps it on the thread', async () => {
    const hook = vi.fn();
    setExcepthook(hook);
    const thread = track(new FailingThread({ name: 'failing' }));
    thread.start();
    await thread.join();
    expect(thread.exception).toBeInstanceOf(RangeError);
    expect((thread.exception as Error).message).toBe('failed in failing');
    expect((thread.exception as Error).stack).toContain('FailingThread.run');
    expect(hook).toHaveBeenCalledTimes(1);
    expect(hook).toHaveBeenCalledWith({ excType: RangeError, excValue: thread.exception, thread });
  });

  it('refuses to start an unregistered subclass, naming the one-line fix', () => {
    const thread = new UnregisteredThread();
    expect(() => thread.start()).toThrow(
      /`UnregisteredThread` overrides run\(\).*static \{ Thread\.register\(import\.meta\.url, this\); \}/,
    );
    expect(thread.isAlive()).toBe(false);
  });
});
