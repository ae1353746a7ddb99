// Child side: a tiny watchdog thread that ends the child when its parent is gone, even while
// the child's main thread is stuck in a task that never yields (then 'disconnect' never fires).
import { SHARE_ENV, Worker } from 'node:worker_threads';

/**
 * How often the watchdog compares the child's parent pid with the original one, in ms: well
 * inside the 2 s within which no child may outlive its parent, cheap enough to be invisible.
 */
export const ORPHAN_CHECK_INTERVAL_MS = 250;

/**
 * The parent's pid as this child started (this module loads first in the child). A later
 * pid means the parent is gone and the child was re-parented.
 */
const ORIGINAL_PARENT_PID = process.ppid;

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
    workerData: { parentPid: ORIGINAL_PARENT_PID, intervalMs: ORPHAN_CHECK_INTERVAL_MS },
    // It prints nothing and reads no variable. Not piping its stdio into this process's
    // streams spares the main thread from creating them (~1.7 ms of a child's start-up);
    // sharing the environment spares a copy of it.
    stdout: true,
    stderr: true,
    env: SHARE_ENV,
    trackUnmanagedFds: false,
  });
  watchdog.unref();
}
