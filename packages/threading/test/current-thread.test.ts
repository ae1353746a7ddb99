// currentThread(), mainThread(), activeCount(), enumerate(): in the main thread, inside a
// Thread's worker, and inside a worker started by a plain thread worker handle (executors).
import { afterEach, describe, expect, it } from 'vitest';
import { taskFrom } from '@concur/core';
import { activeCount, currentThread, enumerate, mainThread } from '@concur/threading';
import { byId, fixtureUrl, killAllHandles, startHandle } from './helpers/handle-client.js';
import { createThread, joinAllThreads } from './helpers/threads.js';

const reportCurrentThread = taskFrom(fixtureUrl('sleep.mjs'), 'reportCurrentThread');
const sleepThenReturn = taskFrom(fixtureUrl('sleep.mjs'), 'sleepThenReturn');

afterEach(async () => {
  await joinAllThreads();
  await killAllHandles();
});

describe('currentThread', () => {
  it('is MainThread in the main thread, the same object as mainThread()', () => {
    const main = currentThread();
    expect(main).toBe(mainThread());
    expect(main.name).toBe('MainThread');
    expect(main.ident).toBe(0);
    expect(main.isAlive()).toBe(true);
    expect(main.daemon).toBe(false);
    expect(() => main.start()).toThrow('threads can only be started once');
    return expect(main.join()).rejects.toThrow('cannot join current thread');
  });

  it("reports the Thread's name, ident and daemon flag inside its worker", async () => {
    const shared = new SharedArrayBuffer(12);
    const thread = createThread({ target: reportCurrentThread, args: [shared], daemon: true });
    thread.start();
    await thread.join();
    expect(thread.exception).toBeUndefined();
    expect([...new Int32Array(shared)]).toEqual([thread.ident, 1, 1]);
  });

  it('reports the worker name set by init in a worker an executor would start', async () => {
    const client = startHandle({ name: 'pool-0_1' }, { threadName: 'ThreadPoolExecutor-0_1' });
    const shared = new SharedArrayBuffer(12);
    const task = { moduleUrl: fixtureUrl('sleep.mjs'), exportName: 'reportCurrentThread' };
    client.handle.send({ type: 'run', id: 1, task, args: [shared] });
    const reply = { type: 'result', id: 1, value: 'ThreadPoolExecutor-0_1' };
    expect(await client.next(byId(1))).toEqual(reply);
    // [ident, alive, daemon]: executor workers do not keep the process alive when idle.
    expect([...new Int32Array(shared)]).toEqual([client.handle.threadId, 1, 1]);
  });
});

describe('enumerate and activeCount', () => {
  it('list the main thread plus threads started here until they end', async () => {
    const before = activeCount();
    expect(enumerate()).toContain(mainThread());
    const thread = createThread({ target: sleepThenReturn, args: [50, 1] });
    thread.start();
    expect(enumerate()).toContain(thread);
    expect(activeCount()).toBe(before + 1);
    await thread.join();
    expect(enumerate()).not.toContain(thread);
    expect(activeCount()).toBe(before);
  });
});
