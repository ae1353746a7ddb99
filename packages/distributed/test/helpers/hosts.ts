// Test helper: starts `concur-worker` processes as separate "hosts", waits until they are
// ready, and kills whatever is left after each test.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';

/** The package root: the workers' `--root`, so `./test/fixtures/...` paths resolve. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/cli/worker-cli.js', import.meta.url));

/** Fast stall detection for tests: a dead worker's job is retried within about 1.5 s. */
export const TEST_LOCK_DURATION_MS = 1_000;
export const TEST_STALLED_INTERVAL_MS = 300;
/** How long a worker process may take to connect on a loaded machine. */
const READY_TIMEOUT_MS = 20_000;

/** One worker process. */
export interface Host {
  readonly name: string;
  readonly child: ChildProcess;
  /** Everything it printed so far. */
  output: string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
}

const hosts = new Set<Host>();

/** A queue name no other test uses. */
export function createQueueName(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}

/** Starts a worker process and waits for its ready line. */
export async function startHost(
  connection: string,
  queue: string,
  { concurrency = 1, extra = [] as string[], name = `host-${randomUUID().slice(0, 4)}` } = {},
): Promise<Host> {
  const child = spawn(
    process.execPath,
    [
      CLI,
      ...['--connection', connection, '--queue', queue, '--root', PACKAGE_ROOT, '--name', name],
      ...['--concurrency', String(concurrency)],
      ...['--lock-duration', String(TEST_LOCK_DURATION_MS)],
      ...['--stalled-interval', String(TEST_STALLED_INTERVAL_MS)],
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const host: Host = { name, child, output: '', exited };
  hosts.add(host);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} not ready:\n${host.output}`)),
      READY_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      host.output += chunk.toString();
      if (host.output.includes(`worker ${name} ready`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready:\n${host.output}`));
    });
  });
  return host;
}

/** Sends a signal and waits for the exit. */
export async function killHost(host: Host, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (host.child.exitCode === null && host.child.signalCode === null) host.child.kill(signal);
  await host.exited;
}

/** Kills every host still running (afterEach). */
export async function killAllHosts(): Promise<void> {
  const all = [...hosts];
  hosts.clear();
  for (const host of all) {
    if (host.child.signalCode === null && host.child.exitCode === null) host.child.kill('SIGCONT');
  }
  await Promise.all(all.map((host) => killHost(host)));
}

/** Deletes a queue's keys (afterEach), so a shared Redis stays clean. */
export async function removeQueue(connection: string, queue: string): Promise<void> {
  const url = new URL(connection);
  const handle = new Queue(queue, { connection: { host: url.hostname, port: Number(url.port) } });
  try {
    await handle.obliterate({ force: true });
  } finally {
    await handle.close();
  }
}

/** Waits until `check()` is true, polling every 20 ms, failing after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
