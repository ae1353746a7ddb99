// Process handles whose module loads on first use: importing @concur/executors must not load
// @concur/multiprocessing and execa (a thread-only program never needs them), and a pool's
// workers made before the module arrived must start, stop and fail like real ones.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  BrokenExecutorError,
  InvalidStateError,
  type WorkerExit,
  type WorkerHandleListener,
} from '@concur/core';
import { WorkerPool } from '@concur/executors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deferHandles, type HandleFactory } from '../src/deferred-handle.js';
import { square } from './fixtures/echo.mjs';
import { FakeWorkerHandle } from './helpers/fake-worker-handle.js';

const INIT = { type: 'init', threadName: 'w' } as never;

/** A load the test settles by hand, and a listener that records what it hears. */
function setUp() {
  let settle!: { resolve: (factory: HandleFactory) => void; reject: (error: Error) => void };
  let loads = 0;
  const made: FakeWorkerHandle[] = [];
  const handles = deferHandles('process', () => {
    loads++;
    return new Promise<HandleFactory>((resolve, reject) => (settle = { resolve, reject }));
  });
  const factory: HandleFactory = (name) => {
    const handle = new FakeWorkerHandle(name);
    made.push(handle);
    return handle;
  };
  const events: string[] = [];
  const exits: WorkerExit[] = [];
  const listener: WorkerHandleListener = {
    onMessage: (message) => events.push(message.type),
    onExit: (exit) => exits.push(exit),
    onError: (error) => events.push(`error: ${error.message}`),
  };
  return {
    handles,
    factory,
    made,
    events,
    exits,
    listener,
    settle: () => settle,
    loads: () => loads,
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('deferHandles', () => {
  it('starts the real worker once its module has loaded, with what was asked before', async () => {
    const t = setUp();
    const handle = t.handles.create('P-0');
    handle.setListener(t.listener);
    handle.setReferenced(false);
    handle.start(INIT);
    expect(handle.state).toBe('starting');
    expect(() => handle.send({ type: 'stop' } as never)).toThrow(InvalidStateError);
    t.settle().resolve(t.factory);
    await tick();
    expect(t.made).toHaveLength(1);
    expect(t.made[0]!.references).toEqual([false]);
    expect(t.made[0]!.sent[0]).toEqual(INIT);
    expect(t.events).toEqual(['ready']);
    // Loaded: later handles are the real ones, made at once, and nothing loads again.
    expect(t.handles.create('P-1')).toBeInstanceOf(FakeWorkerHandle);
    expect(t.loads()).toBe(1);
    await handle.stop();
    expect(t.exits).toEqual([{ exitCode: 0, signal: null }]);
  });

  it('ends a worker stopped or killed before its module arrived, without starting it', async () => {
    const t = setUp();
    const stopped = t.handles.create('P-0');
    const killed = t.handles.create('P-1');
    for (const handle of [stopped, killed]) {
      handle.setListener(t.listener);
      handle.start(INIT);
    }
    const exits = await Promise.all([stopped.stop({ forceAfterMs: 10 }), killed.kill()]);
    expect(exits).toEqual([
      { exitCode: 0, signal: null },
      { exitCode: 0, signal: null },
    ]);
    expect(stopped.state).toBe('stopped');
    t.settle().resolve(t.factory);
    await tick();
    expect(t.made).toEqual([]);
    expect(t.exits).toHaveLength(2);
  });

  it('reports a failed load as an error and an exit before ready, and loads again next time', async () => {
    const t = setUp();
    const handle = t.handles.create('P-0');
    handle.setListener(t.listener);
    handle.start(INIT);
    t.settle().reject(new Error('Cannot find package execa'));
    await tick();
    expect(t.events).toEqual(['error: Cannot find package execa']);
    expect(t.exits).toEqual([{ exitCode: 1, signal: null }]);
    expect(() => handle.start(INIT)).toThrow('Cannot start worker `P-0`: it is stopped');
    t.handles.create('P-1');
    expect(t.loads()).toBe(2);
  });

  it('preload starts loading without making a worker, and swallows a failure', async () => {
    const t = setUp();
    t.handles.preload();
    t.handles.preload();
    expect(t.loads()).toBe(1);
    t.settle().reject(new Error('offline'));
    await tick();
    expect(t.made).toEqual([]);
  });
});

describe('a pool over deferred handles', () => {
  const createPool = (load: () => Promise<HandleFactory>) => {
    const handles = deferHandles('process', load);
    return new WorkerPool({
      factory: ({ name }) => handles.create(name),
      kind: 'process',
      maxWorkers: 2,
      namePrefix: 'Deferred',
      initializer: undefined,
      idleTimeoutMs: Infinity,
      maxTasksPerWorker: Infinity,
      createBrokenError: (message, cause) => new BrokenExecutorError(message, { cause }),
    });
  };

  it('runs the tasks submitted before the module arrived', async () => {
    const pool = createPool(async () => (name) => new FakeWorkerHandle(name));
    const futures = [1, 2, 3].map((n) => pool.submit(square, [n], false, undefined));
    expect(await Promise.all(futures)).toEqual([1, 4, 9]);
    await pool.shutdown(true, false);
  });

  it('breaks with the load error as the cause when the module cannot be loaded', async () => {
    const pool = createPool(() => Promise.reject(new Error('Cannot find package execa')));
    const future = pool.submit(square, [3], false, undefined);
    const error = await Promise.resolve(future).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BrokenExecutorError);
    expect((error as Error).message).toContain('exited with code 1 before it was ready');
    expect(((error as Error).cause as Error).message).toBe('Cannot find package execa');
    await pool.shutdown(true, false);
  });
});

// Fresh node processes: what importing the package loads. execa's dependency cross-spawn is
// CommonJS, so it shows in require.cache once execa has been evaluated.
describe('importing @concur/executors', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(import.meta.dirname, 'tmp-deferred-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('does not load execa until a ProcessPoolExecutor is made, which then works', async () => {
    const file = join(directory, 'probe.mjs');
    await writeFile(
      file,
      `
      import { createRequire } from 'node:module';
      const cache = createRequire(import.meta.url).cache;
      const execaLoaded = () => Object.keys(cache).some((path) => path.includes('cross-spawn'));
      const { ThreadPoolExecutor, ProcessPoolExecutor } = await import('@concur/executors');
      const { square } = await import('../fixtures/echo.mjs');
      console.log('imported', execaLoaded());
      const threads = new ThreadPoolExecutor({ maxWorkers: 1 });
      console.log('threads', await threads.submit(square, 3), execaLoaded());
      await threads.shutdown();
      const processes = new ProcessPoolExecutor({ maxWorkers: 2 });
      console.log('processes', await processes.map(square, [1, 2, 3, 4]), execaLoaded());
      await processes.shutdown();
      `,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [file], {
      timeout: 25_000,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    expect(stdout.trim().split('\n')).toEqual([
      'imported false',
      'threads 9 false',
      'processes [ 1, 4, 9, 16 ] true',
    ]);
  });
});
