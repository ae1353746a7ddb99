// Child side: a tiny watchdog thread that ends the child when its parent is gone, even while
// the child's main thread is stuck in a task that never yields (then 'disconnect' never fires).
import { Worker } from 'node:worker_threads';

/**
 * How often the watchdog compares the child's parent pid with the original one, in ms: well
 * inside the 2 s within which no child may outlive its parent, cheap enough to be invisible.
 */
export const ORPHAN_CHECK_INTERVAL_MS = 250;

// Runs on its own thread and event loop, so a busy main thread cannot delay it. When the
// parent dies the child is re-parented (ppid changes); nobody can receive its results any
// more, and a signal handler on the busy main thread would never run, so SIGKILL it is.
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== workerData.parentPid) process.kill(process.pid, 'SIGKILL');
}, workerData.intervalMs);
`;

/** Starts the watchdog; it never keeps the child alive (unreferenced). */
export function startOrphanWatchdog(): void {
  const watchdog = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    // No loaders (tsx) or inspector flags: the watchdog is plain CommonJS.
    execArgv: [],
    workerData: { parentPid: process.ppid, intervalMs: ORPHAN_CHECK_INTERVAL_MS },
    stdout: false,
    stderr: false,
  });
  watchdog.unref();
}
