// Child-process entry: names the process, serves tasks over the IPC channel to the parent,
// and exits as soon as that channel closes (a `stop` request, or the parent died).
import { createProcessTransport, serve, setWorkerIdentity } from '@concur/core';
import { PROCESS_NAME_VARIABLE } from '../process-environment.js';

if (typeof process.send !== 'function') {
  throw new Error(
    'child-entry.js is started by @concur/multiprocessing with an IPC channel; do not run it directly.',
  );
}
setWorkerIdentity({ processName: process.env[PROCESS_NAME_VARIABLE] ?? `Process-${process.pid}` });
// 'disconnect' fires when the parent closes the channel or dies, even by SIGKILL: no orphans.
process.once('disconnect', () => process.exit());
serve(createProcessTransport());
