// A broker client's flush() waits until frames sent while its socket was still connecting
// have reached the broker: what a child awaits before it exits, so no pipe item is lost.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getBrokerClient } from '../../src/connection/broker-client.js';
import { FrameDecoder } from '../../src/connection/framing.js';

describe('BrokerClient.flush', () => {
  let server: Server | undefined;
  let directory: string | undefined;
  afterEach(async () => {
    server?.close();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  it('resolves only after frames queued during a slow connect were written', async () => {
    directory = await mkdtemp(join(tmpdir(), 'concur-flush-'));
    const socketPath = join(directory, 'broker.sock');
    const received: unknown[] = [];
    const client = getBrokerClient(socketPath); // nothing listens yet: the client retries
    client.notify({ op: 'send', target: 'pipe-1', value: 'early' } as never);
    setTimeout(() => {
      server = createServer((socket) => {
        const decoder = new FrameDecoder();
        socket.on('data', (chunk: Buffer) => received.push(...decoder.push(chunk)));
      }).listen(socketPath);
    }, 100);
    await client.flush();
    // flush cannot finish before the broker exists: the frame was still queued until then.
    expect(server).toBeDefined();
    await expect.poll(() => received.length, { timeout: 2_000 }).toBe(1);
    expect(received[0]).toMatchObject({ value: 'early' });
  });
});
