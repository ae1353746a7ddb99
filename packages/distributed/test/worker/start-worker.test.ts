// startWorker() in this process: resolving tasks from its root (paths, packages with
// `exports` maps, packages without), refusing paths that leave the root, redacted logs and
// a graceful close.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DistributedExecutor,
  remoteTask,
  startWorker,
  type DistributedWorker,
} from '@concur/distributed';
import { sleep } from '../fixtures/sleep.mjs';
import { createQueueName, removeQueue, waitUntil } from '../helpers/hosts.js';

const connection = inject('redisUrl');
const url = new URL(connection);
const withPassword = `redis://:hunter2@${url.host}/0`;
const queue = createQueueName();
const root = mkdtempSync(join(tmpdir(), 'concur-root-'));
const lines: string[] = [];
let worker: DistributedWorker;
let executor: DistributedExecutor;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

beforeAll(async () => {
  write('package.json', JSON.stringify({ name: 'worker-root', type: 'module' }));
  write('jobs/local.mjs', 'export const triple = (n) => n * 3;');
  write('outside-root.mjs', 'export const f = () => "should never run";');
  write(
    'node_modules/@acme/jobs/package.json',
    JSON.stringify({
      name: '@acme/jobs',
      type: 'module',
      exports: {
        '.': { types: './x.d.ts', import: './esm/index.js', require: './cjs.cjs' },
        './tasks/*': './lib/tasks/*.js',
      },
    }),
  );
  write('node_modules/@acme/jobs/esm/index.js', 'export const double = (n) => n * 2;');
  write(
    'node_modules/@acme/jobs/lib/tasks/hello.js',
    'export const hello = (name) => `hello ${name}`;',
  );
  write('node_modules/@acme/jobs/secret.js', 'export const secret = () => 1;');
  write(
    'node_modules/legacy/package.json',
    JSON.stringify({ name: 'legacy', type: 'module', main: 'main.js' }),
  );
  write('node_modules/legacy/main.js', 'export const add = (a, b) => a + b;');
  worker = await startWorker({
    connection: withPassword,
    queue,
    root: join(root, 'jobs', '..'),
    concurrency: 2,
    name: 'in-process',
    log: (line) => lines.push(line),
  });
  executor = new DistributedExecutor({ connection, queue });
});

afterAll(async () => {
  await executor.shutdown();
  await worker.close({ force: true });
  await removeQueue(connection, queue);
  rmSync(root, { recursive: true, force: true });
});

describe('startWorker', () => {
  it('logs where it listens without the password', () => {
    expect(lines[0]).toBe(
      `worker in-process ready: queue ${queue} on redis://:***@${url.host}/0, concurrency 2, root ${root}`,
    );
    expect(lines.join('\n')).not.toContain('hunter2');
    expect(worker.state).toBe('running');
  });

  it('resolves paths under its root and packages through their exports or main', async () => {
    expect(
      await executor.submit(remoteTask<(n: number) => number>('./jobs/local.mjs#triple'), 5),
    ).toBe(15);
    expect(await executor.submit(remoteTask<(n: number) => number>('@acme/jobs#double'), 5)).toBe(
      10,
    );
    expect(
      await executor.submit(remoteTask<(s: string) => string>('@acme/jobs/tasks/hello#hello'), 'x'),
    ).toBe('hello x');
    expect(
      await executor.submit(remoteTask<(a: number, b: number) => number>('legacy#add'), 2, 3),
    ).toBe(5);
    await expect(executor.submit(remoteTask('@acme/jobs/secret#secret'))).rejects.toThrow(
      'Worker `in-process` cannot load task `@acme/jobs/secret#secret`: Package @acme/jobs does not export ./secret (see its package.json "exports").',
    );
  });

  it('refuses a job whose path leaves the root, even when a producer crafts it by hand', async () => {
    const admin = new Queue(queue, { connection: { host: url.hostname, port: Number(url.port) } });
    const events = new QueueEvents(queue, {
      connection: { host: url.hostname, port: Number(url.port) },
    });
    try {
      await events.waitUntilReady();
      const data = {
        v: 1,
        task: { module: './jobs/../../outside-root.mjs', exportName: 'f' },
        args: serialize([]).toString('base64'),
      };
      const job = await admin.add('concur-task', data);
      const outcome = (await job.waitUntilFinished(events)) as {
        ok: boolean;
        error: string;
        worker: string;
      };
      expect(outcome).toMatchObject({ ok: false, worker: 'in-process' });
      const error = deserialize(Buffer.from(outcome.error, 'base64')) as {
        name: string;
        message: string;
      };
      expect(error.name).toBe('TaskLoadError');
      expect(error.message).toMatch(
        /The path \.\/jobs\/\.\.\/\.\.\/outside-root\.mjs leaves the worker root/,
      );
    } finally {
      await events.close();
      await admin.close();
    }
  });

  it('validates its options', async () => {
    await expect(startWorker({ connection, queue, concurrency: 0 })).rejects.toThrow(
      'Expected the `concurrency` option to be a positive integer, got `0` (number).',
    );
    await expect(startWorker({ connection, queue: '' })).rejects.toThrow(
      'Expected the `queue` option to be a non-empty string, got `""` (string).',
    );
    await expect(startWorker({ connection, queue, lockDuration: -1 })).rejects.toThrow(
      /`lockDuration` option to be a non-negative number of milliseconds/,
    );
  });

  it('finishes running tasks before a graceful close', async () => {
    const own = await startWorker({
      connection,
      queue: `${queue}-close`,
      name: 'closer',
      log: () => undefined,
    });
    const client = new DistributedExecutor({ connection, queue: `${queue}-close` });
    try {
      const future = client.submit(sleep, 300, 'finished');
      await waitUntil(() => future.running(), 'the task runs');
      await own.close();
      expect(own.state).toBe('closed');
      expect(future.done()).toBe(true);
      expect(await future).toBe('finished');
    } finally {
      await client.shutdown();
      await own.close();
      await removeQueue(connection, `${queue}-close`);
    }
  });
});
