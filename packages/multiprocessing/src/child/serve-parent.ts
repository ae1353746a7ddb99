// Child side, loaded by child-entry.ts once the watchdog is started: names the process,
// serves tasks over the IPC channel to the parent, and exits as soon as that channel
// closes (a `stop` request, or the parent died).
// The narrow subpath: a child loads only the loop's modules before it answers `ready`.
import { createProcessTransport, serve, setWorkerIdentity } from '@concur/core/serve';
import { PROCESS_NAME_VARIABLE } from '../process-environment.js';
import { exitOnDisconnect } from './exit-on-disconnect.js';
import { ignoreInterruptWhenAsked } from './ignore-interrupt.js';

setWorkerIdentity({ processName: process.env[PROCESS_NAME_VARIABLE] ?? `Process-${process.pid}` });
exitOnDisconnect();
ignoreInterruptWhenAsked();
serve(createProcessTransport());
