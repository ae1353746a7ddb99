// DistributedExecutor against a real Redis and two worker processes: results, errors,
// progress, cancellation, aborts, timeouts, task addresses, map and shutdown.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, expectTypeOf, inject, it } from 'vitest';
import { CancelledError, InvalidStateError, registerErrorClass, TimeoutError } from '@concur/core';
import { sleepTask } from '@concur/core/workloads';
import { wait, type Future } from '@concur/executors';
import {
  ABORT_GRACE_MS,
  DistributedExecutor,
  remoteTask,
  TaskLoadError,
} from '@concur/distributed';
import { echo } from '../fixtures/echo.mjs';
import { forever, ignoreAbort } from '../fixtures/forever.mjs';
import { countSteps } from '../fixtures/progress.mjs';
import { sleep } from '../fixtures/sleep.mjs';
import { QuotaError, throwLater, throwQuota } from '../fixtures/throw.mjs';
import {
  PACKAGE_ROOT,
  createQueueName,
  killAllHosts,
  removeQueue,
  startHost,
  waitUntil,
  type Host,
} from '../helpers/hosts.js';

const connection = inject('redisUrl');
const run = promisify(execFile);
const queue = createQueueName();
let hosts: Host[] = [];
let executor: DistributedExecutor;
let scratch: string;

beforeAll(async () => {
  hosts = await Promise.all([
    startHost(connection, queue, { concurrency: 2, name: 'alpha' }),
    startHost(connection, queue, { concurrency: 2, name: 'beta' }),
  ]);
  executor = new DistributedExecutor({ connection, queue });
  scratch = mkdtempSync(join(tmpdir(), 'concur-distributed-'));
});

afterAll(async () => {
  await executor.shutdown({ cancelFutures: true });
  await killAllHosts();
  await removeQueue(connection, queue);
  rmSync(scratch, { recursive: true, force: true });
});

describe('DistributedExecutor', () => {
  it('runs tasks on worker processes and brings back values V8 serialization keeps', async () => {
    const value = {
      map: new Map([[1, 'one']]),
      when: new Date(5),
      big: 2n ** 70n,
      bytes: new Uint8Array([1, 2]),
    };
    expect(await executor.submit(echo, value)).toEqual(value);
    const pids = new Set(
      await Promise.all(Array.from({ length: 8 }, () => executor.submit(sleep, 30))),
    );
    expect(pids.has(process.pid)).toBe(false);
    expect(pids.size).toBeGreaterThan(1); // four slots over two hosts: both take part
  });

  it('keeps the class and properties of task errors', async () => {
    registerErrorClass(QuotaError);
    const error = await executor.submit(throwQuota, 7).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QuotaError);
    expect(error).toMatchObject({ name: 'QuotaError', message: 'over quota of 7', limit: 7 });
    expect((error as Error).stack).toMatch(/concur worker "(alpha|beta)"/);
    await expect(executor.submit(throwLater, 'late')).rejects.toThrow(TypeError);
  });

  it('runs tasks named by package specifier, by path under the worker root, and core tasks', async () => {
    const byPackage = remoteTask<typeof sleepTask<string>>('@concur/core/workloads#sleepTask');
    expect(await executor.submit(byPackage, 1, 'via package')).toBe('via package');
    const byPath = remoteTask<(value: string) => string>('./test/fixtures/echo.mjs#echo');
    expect(await executor.submit(byPath, 'via path')).toBe('via path');
    expect(await executor.submit(sleepTask, 1, 'core task')).toBe('core task');
  });

  it('fails a task the worker cannot load with an error naming the task and the worker', async () => {
    const missing = remoteTask<() => void>('./test/fixtures/no-such-file.mjs#run');
    const error = await executor.submit(missing).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TaskLoadError);
    expect(error).toMatchObject({ taskName: './test/fixtures/no-such-file.mjs#run' });
    expect((error as Error).message).toMatch(
      /^Worker `(alpha|beta)` cannot load task `\.\/test\/fixtures\/no-such-file\.mjs#run`: There is no file/,
    );
    const noExport = remoteTask<() => void>('@concur/core#noSuchExport');
    await expect(executor.submit(noExport)).rejects.toThrow(
      /cannot load task `@concur\/core#noSuchExport`: .*no export `noSuchExport`/,
    );
    const notInstalled = remoteTask<() => void>('@acme/not-installed#run');
    await expect(executor.submit(notInstalled)).rejects.toThrow(
      /Package @acme\/not-installed is not installed under the worker root/,
    );
  });

  it('delivers progress reports to onProgress listeners, in order', async () => {
    const future = executor.submit(countSteps, 4);
    const seen: unknown[] = [];
    executor.onProgress(future, (data) => seen.push(data));
    expect(await future).toBe(4);
    await waitUntil(() => seen.length === 4, 'all progress arrived');
    expect(seen).toEqual([1, 2, 3, 4].map((step) => ({ step, of: 4 })));
  });

  it('removes a cancelled queued task from the queue', async () => {
    const blockers = Array.from({ length: 4 }, () => executor.submit(sleep, 600));
    await waitUntil(() => blockers.every((f) => f.running()), 'every slot is busy');
    const queued = executor.submit(echo, 'never');
    const admin = new Queue(queue, {
      connection: { host: new URL(connection).hostname, port: Number(new URL(connection).port) },
    });
    try {
      await waitUntil(
        async () => (await admin.getWaitingCount()) === 1,
        'the task is waiting in Redis',
      );
      expect(queued.cancel()).toBe(true);
      await waitUntil(async () => (await admin.getWaitingCount()) === 0, 'the job left the queue');
      await Promise.all(blockers);
      await expect(queued.result()).rejects.toThrow(CancelledError);
      expect(await admin.getCompletedCount()).toBeGreaterThan(0);
      expect(
        (await admin.getJobs(['completed'])).some((job) =>
          JSON.stringify(job.data).includes('never'),
        ),
      ).toBe(false);
    } finally {
      await admin.close();
    }
  });

  it('aborts a running task through its taskSignal() when the AbortSignal fires', async () => {
    const marker = join(scratch, 'aborted');
    const controller = new AbortController();
    const future = executor.submitWith({ signal: controller.signal }, forever, marker);
    await waitUntil(() => future.running(), 'the task runs');
    controller.abort(new Error('stop now'));
    await expect(future.result()).rejects.toThrow('stop now');
    await waitUntil(() => existsSync(marker), 'the worker saw the abort');
    expect(readFileSync(marker, 'utf8')).toMatch(/^aborted in \d+$/);
  });

  it('fails a task that runs past its timeout with a TimeoutError and aborts it on the worker', async () => {
    const marker = join(scratch, 'timed-out');
    const future = executor.submitWith({ timeout: 100 }, forever, marker);
    await expect(future.result()).rejects.toThrow(TimeoutError);
    await waitUntil(() => existsSync(marker), 'the worker aborted the task');
  });

  it('maps in input order, with chunks, and works with wait()', async () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(await executor.map(echo, items, { chunksize: 7 })).toEqual(items);
    const seen: number[] = [];
    for await (const value of executor.map(echo, [3, 1, 2])) seen.push(value as number);
    expect(seen).toEqual([3, 1, 2]);
    const futures: Future<unknown>[] = [
      executor.submit(sleep, 10, 'a'),
      executor.submit(sleep, 400, 'b'),
    ];
    const { done, notDone } = await wait(futures, { returnWhen: 'FIRST_COMPLETED' });
    expect(done.size).toBeGreaterThanOrEqual(1);
    expect(done.size + notDone.size).toBe(2);
    await Promise.all(futures);
  });

  it('types submit from the task signature', () => {
    expectTypeOf(executor.submit(echo, 1)).toMatchTypeOf<Future<unknown>>();
    const typed = remoteTask<(a: number, b: string) => Promise<boolean>>('@acme/jobs#check');
    expectTypeOf(executor.submit(typed, 1, 'x')).toEqualTypeOf<Future<boolean>>();
    // @ts-expect-error: wrong argument type
    expect(() => executor.submit(typed, 'x', 'y')).not.toThrow();
  });

  it('rejects bad options with the option, the expectation and the value', () => {
    expect(() => new DistributedExecutor({ connection, queue, maxInFlight: 0 })).toThrow(
      'Expected the `maxInFlight` option to be a positive integer, got `0` (number).',
    );
    expect(() => new DistributedExecutor({ connection, queue: 'a:b' })).toThrow(
      /`queue` option to be a name without `:`/,
    );
    expect(() => new DistributedExecutor({ connection: 'http://user:hunter2@x', queue })).toThrow(
      'Expected the `connection` option to be a redis:// or rediss:// URL, got `"http://user:***@x/"` (string).',
    );
    const typo = catchError(
      () => new DistributedExecutor({ connection: 'redis://:hunter2@[bad', queue }),
    );
    expect(typo.message).toMatch(/got a string that is not a URL/);
    expect(typo.message).not.toContain('hunter2');
    expect(() => new DistributedExecutor({ connection, queue, retries: 1 } as never)).toThrow(
      /Unknown option `retries`/,
    );
    expect(() => executor.submit((() => 1) as unknown as typeof echo, 1)).toThrow(
      /task from remoteTask\(\), defineTask\(\) or taskFrom\(\)/,
    );
  });

  it('describes its connection without the password, and shuts down while Redis is unreachable', async () => {
    const secret = new DistributedExecutor({
      connection: 'redis://admin:hunter2@127.0.0.1:1/0',
      queue,
    });
    expect(secret.connectionDescription).toBe('redis://admin:***@127.0.0.1:1/0');
    await secret.shutdown();
    expect(secret.state).toBe('shutdown');
    const tls = [
      new DistributedExecutor({ connection: 'rediss://:pw@cache.internal:6380/2', queue }),
      new DistributedExecutor({
        connection: 'redis://cache.internal:6380',
        queue,
        tls: { servername: 'cache' },
      }),
      new DistributedExecutor({
        connection: { host: 'cache.internal', port: 6380, password: 'pw', tls: {} },
        queue,
      }),
    ];
    expect(tls.map((e) => e.connectionDescription)).toEqual([
      'rediss://:***@cache.internal:6380/2',
      'rediss://cache.internal:6380',
      'rediss://:***@cache.internal:6380/0',
    ]);
    await Promise.all(tls.map((e) => e.shutdown()));
  });
});

describe('DistributedExecutor shutdown', () => {
  it('lets the process exit when idle, even without shutdown()', async () => {
    const script = join(PACKAGE_ROOT, 'test/fixtures/client-idle-exit.mjs');
    const { stdout } = await run(process.execPath, [script, connection, queue], {
      timeout: 20_000,
    });
    expect(stdout).toBe('done\n');
  });

  it('frees the slot of a task that ignores its abort after ABORT_GRACE_MS, so shutdown ends', async () => {
    const own = new DistributedExecutor({ connection, queue, maxInFlight: 1 });
    const controller = new AbortController();
    const stubborn = own.submitWith({ signal: controller.signal }, ignoreAbort, 60_000);
    const next = own.submit(echo, 'after the grace period');
    await waitUntil(() => stubborn.running(), 'the task runs');
    controller.abort(new Error('please stop'));
    await expect(stubborn.result()).rejects.toThrow('please stop');
    expect(next.running()).toBe(false);
    const started = performance.now();
    expect(await next).toBe('after the grace period');
    expect(performance.now() - started).toBeGreaterThanOrEqual(ABORT_GRACE_MS - 600);
    await own.shutdown();
    expect(own.state).toBe('shutdown');
  });

  it('cancels queued tasks with cancelFutures, finishes running ones, then refuses work', async () => {
    const own = new DistributedExecutor({ connection, queue, maxInFlight: 2 });
    const running = [own.submit(sleep, 300, 'r1'), own.submit(sleep, 300, 'r2')];
    const queued = own.submit(echo, 'q');
    await waitUntil(() => running.every((f) => f.running()), 'both run');
    await own.shutdown({ cancelFutures: true });
    expect(own.state).toBe('shutdown');
    expect(await Promise.all(running)).toEqual(['r1', 'r2']);
    expect(queued.cancelled()).toBe(true);
    expect(() => own.submit(echo, 1)).toThrow(InvalidStateError);
    expect(hosts.every((host) => host.child.exitCode === null)).toBe(true);
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}
