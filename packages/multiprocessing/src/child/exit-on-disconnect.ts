// Child side: exit when the IPC channel to the parent closes (a `stop` request, or the
// parent died, even by SIGKILL), after stdout, stderr and queue/pipe frames have flushed:
// no orphans, no lost output, no lost items.
import { flushBeforeExit } from '../connection/exit-flush.js';

/** The longest wait for stdout/stderr and broker frames to flush before the child exits anyway. */
const FLUSH_TIMEOUT_MS = 1_000;

/** Installs the handler; the process's exit code (`process.exitCode`) is kept. */
export function exitOnDisconnect(): void {
  process.once('disconnect', () => {
    let pending = 3;
    const done = () => {
      pending -= 1;
      if (pending === 0) process.exit();
    };
    // An empty write completes after every earlier write on the stream.
    process.stdout.write('', done);
    process.stderr.write('', done);
    flushBeforeExit().then(done, done);
    setTimeout(() => process.exit(), FLUSH_TIMEOUT_MS).unref();
  });
}
