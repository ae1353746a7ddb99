// I/O workloads: a timer, a file read and write in a temporary directory, and a loopback
// HTTP request; plus the loopback server the HTTP task talks to.
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, get, type Server } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { defineTask } from '../task/task-reference.js';

/**
 * Waits `delayMs` milliseconds, then returns `value`: pure waiting, no CPU.
 * @example
 * await sleepTask(10, 'x'); // 'x'
 */
export const sleepTask = defineTask(import.meta.url, async function sleepTask<
  T,
>(delayMs: number, value: T) {
  await sleep(delayMs);
  return value;
});

/**
 * Writes `bytes` deterministic bytes to `dir/file-<id>`, reads them back and returns their
 * sum modulo 2^32.
 * @example
 * await fileTask(tmpdir, 1, 4096);
 */
export const fileTask = defineTask(
  import.meta.url,
  async function fileTask(dir: string, id: number, bytes: number) {
    const path = join(dir, `file-${id}`);
    const data = Buffer.alloc(bytes);
    for (let i = 0; i < bytes; i++) data[i] = (id + i) & 0xff;
    await writeFile(path, data);
    const back = await readFile(path);
    let sum = 0;
    for (const byte of back) sum = (sum + byte) >>> 0;
    return sum;
  },
);

/**
 * Fetches `url` (a loopback server from {@link startLoopbackServer}) and returns the body's
 * length.
 * @example
 * await httpTask(`${server.url}/?delay=5&bytes=100`); // 100
 */
export const httpTask = defineTask(import.meta.url, function httpTask(url: string) {
  return new Promise<number>((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let length = 0;
      response.on('data', (chunk: Buffer) => (length += chunk.length));
      response.on('end', () => resolve(length));
      response.on('error', reject);
    }).on('error', reject);
  });
});

/** A running loopback HTTP server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 (a random free port) that answers after `?delay=ms`
 * with `?bytes=n` bytes. Only the loopback interface is used.
 * @example
 * const server = await startLoopbackServer();
 * await httpTask(`${server.url}/?delay=10&bytes=64`);
 * await server.close();
 */
export async function startLoopbackServer(): Promise<LoopbackServer> {
  const server: Server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
    const delay = Math.max(0, Number(query.get('delay') ?? 0));
    const bytes = Math.max(0, Number(query.get('bytes') ?? 0));
    const timer = setTimeout(() => response.end(Buffer.alloc(bytes, 120)), delay);
    response.on('close', () => clearTimeout(timer));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  server.unref();
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('loopback server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
