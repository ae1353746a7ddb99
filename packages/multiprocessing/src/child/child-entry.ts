// Child-process entry: names the process, serves tasks over the IPC channel to the parent,
// and exits as soon as that channel closes (a `stop` request, or the parent died) or, when
// a task never yields, as soon as its watchdog thread (started before the first user code
// runs) sees the parent is gone.
// The narrow subpath: a child loads only the loop's modules before it answers `ready`.
import { createProcessTransport, serve, setWorkerIdentity } from '@concur/core/serve';
import { PROCESS_NAME_VARIABLE } from '../process-environment.js';
import { exitOnDisconnect } from './exit-on-disconnect.js';
import { ignoreInterruptWhenAsked } from './ignore-interrupt.js';
import { watchBeforeUserCode } from './watch-before-user-code.js';

if (typeof process.send !== 'function') {
  throw new Error(
    'child-entry.js is started by @concur/multiprocessing with an IPC channel; do not run it directly.',
  );
}
setWorkerIdentity({ processName: process.env[PROCESS_NAME_VARIABLE] ?? `Process-${process.pid}` });
exitOnDisconnect();
ignoreInterruptWhenAsked();
serve(watchBeforeUserCode(createProcessTransport()));
