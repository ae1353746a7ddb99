// Child-process entry: starts the orphan watchdog first (it ends the child when the parent
// is gone even while a task never yields), then loads and runs the serving loop. Its thread
// takes ~25 ms of CPU to start; started first, it boots while the main thread loads the
// rest, which keeps it off the path to the pool's first result.
import { startOrphanWatchdog } from './orphan-watchdog.js';

if (typeof process.send !== 'function') {
  throw new Error(
    'child-entry.js is started by @concur/multiprocessing with an IPC channel; do not run it directly.',
  );
}
startOrphanWatchdog();
await import('./serve-parent.js');
