// Test helper: makes Threads that are joined in afterEach, so no worker outlives its test,
// and runs fixture scripts in a child `node` with a timeout.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Thread, type ThreadOptions } from '@concur/threading';

const made: Thread<any>[] = [];

/** Remembers a thread so {@link joinAllThreads} waits for it. */
export function track<T extends Thread<any>>(thread: T): T {
  made.push(thread);
  return thread;
}

export function createThread(options?: ThreadOptions<any>): Thread<any> {
  return track(new Thread(options));
}

export async function joinAllThreads(): Promise<void> {
  await Promise.all(made.splice(0).map((t) => (t.isAlive() ? t.join() : undefined)));
}

/** Generous: a script only has to start a node process and a few threads. */
const SCRIPT_TIMEOUT_MS = 20_000;

export async function runScript(
  name: string,
  args: readonly string[] = [],
  execArgv: readonly string[] = [],
): Promise<{ stdout: string; stderr: string }> {
  const script = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  return promisify(execFile)(process.execPath, [...execArgv, script, ...args], {
    timeout: SCRIPT_TIMEOUT_MS,
  });
}
