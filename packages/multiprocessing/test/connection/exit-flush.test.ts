// A child awaits every registered flush before it exits on its own; a failed flush does not
// stop the others, and the queue/pipe client registers itself as soon as it is loaded.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { flushBeforeExit, registerExitFlush } from '../../src/connection/exit-flush.js';

describe('exit flushes', () => {
  let server: Server | undefined;
  let directory: string | undefined;
  afterEach(async () => {
    server?.close();
    server = undefined;
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
    directory = undefined;
  });

  it('waits for every registered flush, even when one fails', async () => {
    const done: string[] = [];
    registerExitFlush(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      done.push('slow');
    });
    registerExitFlush(() => Promise.reject(new Error('socket gone')));
    await expect(flushBeforeExit()).resolves.toBeUndefined();
    expect(done).toEqual(['slow']);
  });

  it('runs a flush registered twice only once', async () => {
    let calls = 0;
    const flush = async () => {
      calls += 1;
    };
    registerExitFlush(flush);
    registerExitFlush(flush);
    await flushBeforeExit();
    expect(calls).toBe(1);
  });

  it('includes the broker clients once their module is loaded', async () => {
    directory = await mkdtemp(join(tmpdir(), 'concur-exit-flush-'));
    const socketPath = join(directory, 'broker.sock');
    const { getBrokerClient } = await import('../../src/connection/broker-client.js');
    const client = getBrokerClient(socketPath); // nothing listens yet: the client retries
    client.notify({ op: 'send', target: 'pipe-1', value: 'last words' } as never);
    setTimeout(() => {
      server = createServer(() => {}).listen(socketPath);
    }, 50);
    await flushBeforeExit();
    // The frame was queued until the broker listened: the exit flush waited for it.
    expect(server?.listening).toBe(true);
  });
});
