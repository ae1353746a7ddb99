// @concur/core/serve: only what a worker or child-process entry file needs to serve tasks
// (the loop, the two transports, the identity setter), without the rest of core, so a new
// child process loads fewer modules before it can answer `ready`.
export { serve } from './serve.js';
export type { ServeOptions } from './serve.js';
export { createProcessTransport } from '../transports/process-ipc.js';
export { createMessagePortTransport } from '../transports/message-port.js';
export type { PortLike } from '../transports/message-port.js';
export { setWorkerIdentity } from '../identity/identity.js';
