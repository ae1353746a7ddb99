// Child-process entry: names the process, serves tasks over the IPC channel to the parent,
// and exits as soon as that channel closes (a `stop` request, or the parent died) or, when
// a task never yields, as soon as its watchdog thread sees the parent is gone.
import { createProcessTransport, serve, setWorkerIdentity } from '@concur/core';
import { PROCESS_NAME_VARIABLE } from '../process-environment.js';
import { exitOnDisconnect } from './exit-on-disconnect.js';
import { ignoreInterruptWhenAsked } from './ignore-interrupt.js';
import { startOrphanWatchdog } from './orphan-watchdog.js';

if (typeof process.send !== 'function') {
  throw new Error(
    'child-entry.js is started by @concur/multiprocessing with an IPC channel; do not run it directly.',
  );
}
setWorkerIdentity({ processName: process.env[PROCESS_NAME_VARIABLE] ?? `Process-${process.pid}` });
exitOnDisconnect();
ignoreInterruptWhenAsked();
startOrphanWatchdog();
serve(createProcessTransport());
