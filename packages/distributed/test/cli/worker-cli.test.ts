// The concur-worker command: usage errors (without echoing passwords), --help, and a
// graceful SIGTERM that lets the running task finish.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DistributedExecutor } from '@concur/distributed';
import { sleep } from '../fixtures/sleep.mjs';
import { OUTAGE_REDIS_PORT, REDIS_TOOLS } from '../helpers/redis-tools.js';
import {
  createQueueName,
  killAllHosts,
  removeQueue,
  startHost,
  waitUntil,
} from '../helpers/hosts.js';

const CLI = fileURLToPath(new URL('../../dist/cli/worker-cli.js', import.meta.url));
const connection = inject('redisUrl');
const run = promisify(execFile);

async function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { PATH: process.env['PATH'], ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

afterEach(killAllHosts);

describe('concur-worker', () => {
  it('prints usage with --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: concur-worker --connection/);
    expect(stdout).toMatch(/only trusted producers may use its queue/);
  });

  it('exits with code 2 and the reason for bad arguments', async () => {
    expect(await runCli(['--queue', 'q'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^concur-worker: Missing `--connection` \(or the REDIS_URL environment variable\)\./,
      ),
    });
    expect(await runCli([], { REDIS_URL: connection })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^concur-worker: Missing `--queue`\./),
    });
    expect(
      await runCli(['--connection', connection, '--queue', 'q', '--concurrency', 'many']),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'Expected the `concurrency` option to be a number, got `"many"` (string).',
      ),
    });
    expect(await runCli(['--bogus'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown option '--bogus'/),
    });
  });

  it('never prints the password of a bad connection', async () => {
    const result = await runCli(['--connection', 'http://admin:hunter2@db', '--queue', 'q']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('http://admin:***@db/');
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  });

  it('finishes the running task on SIGTERM, then exits with code 0', async () => {
    const queue = createQueueName();
    const host = await startHost(connection, queue, { name: 'graceful' });
    const executor = new DistributedExecutor({ connection, queue });
    try {
      const future = executor.submit(sleep, 400, 'finished');
      await waitUntil(() => future.running(), 'the task runs');
      host.child.kill('SIGTERM');
      await host.exited;
      expect(host.child.exitCode).toBe(0);
      expect(await future).toBe('finished');
      expect(host.output).toMatch(/SIGTERM, finishing running tasks/);
    } finally {
      await executor.shutdown();
      await removeQueue(connection, queue);
    }
  });

  it('leaves at once on a second signal, even while Redis is unreachable', async () => {
    const port = String(OUTAGE_REDIS_PORT);
    const url = (await run(REDIS_TOOLS.start, [port])).stdout.trim().split('\n').at(-1)!;
    try {
      const host = await startHost(url, createQueueName(), { name: 'stranded' });
      await run(REDIS_TOOLS.stop, [port]);
      host.child.kill('SIGTERM');
      await waitUntil(
        () => host.output.includes('finishing running tasks'),
        'the first signal was seen',
      );
      host.child.kill('SIGTERM');
      await host.exited;
      expect(host.child.exitCode).toBe(1);
      expect(host.output).toMatch(/SIGTERM again, leaving now/);
    } finally {
      await run(REDIS_TOOLS.stop, [port]);
    }
  });
});
