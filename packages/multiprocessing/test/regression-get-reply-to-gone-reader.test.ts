// Regression: an item handed to a reader whose socket had just closed was lost (CI: a consumer
// killed while its get was pending took the next put with it, because the put reached the
// broker before the broker saw the socket close). The broker now puts items whose reply cannot
// be written back at the front of the queue.
import { once } from 'node:events';
import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { REVIVE } from '@concur/core';
import { Queue } from '@concur/multiprocessing';
import { encodeFrame, FrameDecoder } from '../src/connection/framing.js';

describe('a blocked get whose reader is gone when an item arrives', () => {
  it('gives the item back to the queue', async () => {
    const queue = new Queue<string>();
    const { socketPath, target } = queue[REVIVE]().data as { socketPath: string; target: number };
    const reader = createConnection(socketPath);
    await once(reader, 'connect');
    const decoder = new FrameDecoder();
    const replies: { id: number }[] = [];
    reader.on('data', (chunk: Buffer) =>
      replies.push(...(decoder.push(chunk) as { id: number }[])),
    );
    // A blocking get, then a qsize: frames are served in order, so the qsize reply means the
    // get is registered and waiting.
    reader.write(encodeFrame({ op: 'get', target, id: 1, max: 1, block: true, timeoutMs: 60_000 }));
    reader.write(encodeFrame({ op: 'qsize', target, id: 2 }));
    await expect.poll(() => replies.some((reply) => reply.id === 2)).toBe(true);
    // The reader vanishes and, before the broker can notice, an item arrives for it.
    reader.destroy();
    await queue.put('kept');
    expect(await queue.get(true, 5_000)).toBe('kept');
  });
});
