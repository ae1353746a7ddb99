// Bench: starts `concur-worker` processes on this machine (one per core, as one would per
// host for CPU-bound tasks) and stops them.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../cli/worker-cli.js', import.meta.url));
/** How long a worker process may take to connect, in milliseconds, on a loaded machine. */
const WORKER_READY_TIMEOUT_MS = 30_000;

/** Running worker processes. */
export interface Fleet {
  readonly size: number;
  stop(): Promise<void>;
}

/**
 * Starts `size` workers with concurrency 1 on `queue`, resolving once all are ready.
 * @throws Error with the worker's output when one exits or does not get ready in time.
 */
export async function startFleet(url: string, queue: string, size: number): Promise<Fleet> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
  };
  try {
    await Promise.all(
      Array.from({ length: size }, (_, index) => {
        const name = `bench-${index + 1}`;
        const child = spawn(
          process.execPath,
          [CLI, '--connection', url, '--queue', queue, '--concurrency', '1', '--name', name],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        children.push(child);
        return waitReady(child, name);
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { size, stop };
}

function waitReady(child: ChildProcess, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`${name} not ready:\n${output}`)),
      WORKER_READY_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`worker ${name} ready`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code}:\n${output}`));
    });
  });
}
