// A Pool's part in core's SIGINT / SIGTERM shutdown: on the signal, queued jobs are cancelled,
// running ones may finish (bounded by core), then the workers exit; forced, they are killed.
import { CancelledError, addSignalShutdown } from '@concur/core';
import type { WorkerSet } from './worker-set.js';

/** What the signal shutdown needs of a Pool (its public close / terminate / join). */
interface ClosablePool {
  close(): void;
  terminate(): void;
  join(): Promise<void>;
}

/** Takes part from now until every worker of the pool has exited. */
export function shutDownOnSignal(pool: ClosablePool, workers: WorkerSet): void {
  const leave = addSignalShutdown({
    countRunningTasks: () => workers.busyCount,
    close: async () => {
      workers.cancelQueued(
        new CancelledError('the pool was shut down by a signal before this task started.'),
      );
      pool.close();
      await pool.join();
    },
    terminate: async () => {
      pool.terminate();
      await pool.join();
    },
  });
  void workers.whenAllExited().then(leave);
}
