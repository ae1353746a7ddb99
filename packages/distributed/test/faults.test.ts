// Faults across hosts: a worker killed mid-task, workers that keep dying, a frozen worker
// that finishes late, a client that disappears, and a Redis restart.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { WorkerCrashedError } from '@concur/core';
import { DistributedExecutor } from '@concur/distributed';
import { echo } from './fixtures/echo.mjs';
import { exitWith } from './fixtures/exit-with.mjs';
import { sleep } from './fixtures/sleep.mjs';
import {
  createQueueName,
  killAllHosts,
  killHost,
  PACKAGE_ROOT,
  removeQueue,
  startHost,
  waitUntil,
} from './helpers/hosts.js';
import { REDIS_TOOLS, RESTART_REDIS_PORT } from './helpers/redis-tools.js';

const run = promisify(execFile);
const connection = inject('redisUrl');
let queue: string;
const cleanups: (() => Promise<void> | void)[] = [];

function track(executor: DistributedExecutor): DistributedExecutor {
  cleanups.push(() => executor.shutdown({ cancelFutures: true }));
  return executor;
}

function scratchDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'concur-faults-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await killAllHosts();
  await removeQueue(connection, queue).catch(() => undefined);
});

describe('faults', () => {
  it('retries the task of a killed worker on another worker', async () => {
    queue = createQueueName();
    const first = await startHost(connection, queue, { name: 'first' });
    const executor = track(new DistributedExecutor({ connection, queue }));
    const future = executor.submit(sleep, 1_500);
    await waitUntil(() => future.running(), 'the first worker runs the task');
    await killHost(first, 'SIGKILL');
    // Joins after the crash: its stall check finds the dead worker's job and runs it.
    const second = await startHost(connection, queue, { name: 'second' });
    expect(await future).toBe(second.child.pid);
  });

  it('fails with WorkerCrashedError when the task kills more workers than maxStalledCount allows', async () => {
    queue = createQueueName();
    await Promise.all(['w1', 'w2', 'w3'].map((name) => startHost(connection, queue, { name })));
    const executor = track(new DistributedExecutor({ connection, queue }));
    const error = await executor.submit(exitWith, 3).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect(error).toMatchObject({
      code: 'ERR_CONCUR_WORKER_CRASHED',
      taskName: expect.stringContaining('exit-with.mjs#exitWith'),
    });
    expect((error as Error).message).toMatch(/stopped renewing its lock/);
  });

  it('settles a future once when a frozen worker finishes the retried task late', async () => {
    queue = createQueueName();
    const markers = scratchDirectory();
    const frozen = await startHost(connection, queue, { name: 'frozen' });
    const executor = track(new DistributedExecutor({ connection, queue }));
    const future = executor.submit(sleep, 1_200, undefined, markers);
    let settled = 0;
    future.addDoneCallback(() => settled++);
    await waitUntil(() => future.running(), 'the task runs');
    frozen.child.kill('SIGSTOP');
    const healthy = await startHost(connection, queue, { name: 'healthy' });
    expect(await future).toBe(healthy.child.pid);
    frozen.child.kill('SIGCONT');
    await waitUntil(() => readdirSync(markers).length === 2, 'the frozen worker finished too');
    // Give the late completion time to reach Redis and be refused (its lock is gone).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(1);
    expect(await future).toBe(healthy.child.pid);
  });

  it('keeps workers going when a client disappears', async () => {
    queue = createQueueName();
    const markers = scratchDirectory();
    const host = await startHost(connection, queue, { name: 'survivor' });
    const client = spawn(
      process.execPath,
      [join(PACKAGE_ROOT, 'test/fixtures/client-submit.mjs'), connection, queue, '300', markers],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const clientExited = new Promise((resolve) => client.once('exit', resolve));
    cleanups.push(async () => {
      client.kill('SIGKILL');
      await clientExited;
    });
    let output = '';
    client.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitUntil(() => output.includes('submitted'), 'the client submitted');
    client.kill('SIGKILL');
    await clientExited;
    await waitUntil(
      () => readdirSync(markers).includes(String(host.child.pid)),
      'the orphan task finished',
    );
    const executor = track(new DistributedExecutor({ connection, queue }));
    expect(await executor.submit(echo, 'next')).toBe('next');
  });

  it('survives a Redis restart: running, queued and newly submitted tasks all finish', async () => {
    queue = createQueueName();
    const port = String(RESTART_REDIS_PORT);
    const url = (await run(REDIS_TOOLS.start, [port])).stdout.trim().split('\n').at(-1)!;
    cleanups.push(async () => void (await run(REDIS_TOOLS.stop, [port])));
    // A lock longer than the outage, so the running task is not also retried.
    await startHost(url, queue, { name: 'steady', extra: ['--lock-duration', '8000'] });
    const executor = track(new DistributedExecutor({ connection: url, queue }));
    const running = executor.submit(sleep, 800, 'running');
    const queued = executor.submit(sleep, 10, 'queued');
    await waitUntil(() => running.running(), 'the task runs');
    await run('redis-cli', ['-p', port, 'shutdown', 'save']);
    const duringOutage = executor.submit(echo, 'submitted while Redis was down');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await run(REDIS_TOOLS.start, [port]);
    expect(await Promise.all([running, queued, duringOutage])).toEqual([
      'running',
      'queued',
      'submitted while Redis was down',
    ]);
    expect(await executor.submit(echo, 'after')).toBe('after');
  });
});
