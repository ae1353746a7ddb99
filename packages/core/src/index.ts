// @concur/core: task references, wire protocol, worker loop, error codec, shared errors,
// option validation. Workloads live under `@concur/core/workloads`.
export {
  defineTask,
  taskFrom,
  isTaskReference,
  getTaskLocation,
  normalizeModuleUrl,
  TASK_LOCATION,
} from './task/task-reference.js';
export type {
  AnyFunction,
  Task,
  TaskArguments,
  TaskFunction,
  TaskLocation,
  TaskReference,
  TaskResult,
  TaskSpec,
} from './task/task-reference.js';
export {
  resolveTaskSpec,
  getResolvedTaskSpec,
  getTaskSpec,
  getTaskName,
} from './task/resolve-task.js';
export { loadTask, getLoadedTask } from './task/load-task.js';

export { isWorkerRequest, isWorkerResponse } from './protocol/messages.js';
export type {
  AbortRequest,
  BatchRequest,
  BatchResponse,
  ErrorResponse,
  InitFailedResponse,
  InitRequest,
  ReadyResponse,
  ResultResponse,
  RunChunkRequest,
  RunManyRequest,
  RunRequest,
  StopRequest,
  WorkerIdentity,
  WorkerRequest,
  WorkerResponse,
} from './protocol/messages.js';
export type { Transferable, Transport } from './protocol/transport.js';
export {
  REVIVE,
  registerReviver,
  isRevivable,
  encodeRevivables,
  decodeRevivables,
} from './protocol/revivable.js';
export type { Revivable, RevivableDescription } from './protocol/revivable.js';
export type {
  StopOptions,
  WorkerExit,
  WorkerHandle,
  WorkerHandleFactory,
  WorkerHandleListener,
  WorkerHandleOptions,
  WorkerHandleState,
} from './protocol/worker-handle.js';
export { ExitLatch } from './protocol/exit-latch.js';

export { serve } from './serve/serve.js';
export type { ServeOptions } from './serve/serve.js';
export { callAsTask, taskSignal } from './serve/task-context.js';
export { getWorkerIdentity, setWorkerIdentity } from './identity/identity.js';
export { getInheritableExecArgv } from './runtime/exec-argv.js';
export { cpuCount, readCpuQuota, readCgroupCpuQuota, parseCpuMax } from './runtime/cpu-count.js';
export type { CpuQuota } from './runtime/cpu-count.js';
export {
  SHUTDOWN_SIGNALS,
  SIGNAL_SHUTDOWN_TIMEOUT_MS,
  addSignalShutdown,
  configureSignalShutdown,
  type SignalShutdownOptions,
  type SignalShutdownParticipant,
} from './runtime/signal-shutdown.js';
export { createMessagePortTransport } from './transports/message-port.js';
export type { PortLike } from './transports/message-port.js';
export { createProcessTransport } from './transports/process-ipc.js';

export {
  ConcurError,
  CancelledError,
  TimeoutError,
  InvalidStateError,
  BrokenExecutorError,
  WorkerCrashedError,
} from './errors/errors.js';
export type { ConcurErrorOptions, WorkerCrashDetails } from './errors/errors.js';
export {
  serializeError,
  deserializeError,
  registerErrorClass,
  isSerializedThrown,
  REMOTE_STACK_MARKER,
} from './errors/codec.js';
export type { SerializedError, SerializedThrown, SerializedValue } from './errors/codec.js';

export {
  describeValue,
  formatExpectation,
  throwInvalid,
  validateAbortSignal,
  validateArray,
  validateBoolean,
  validateDuration,
  validateFunction,
  validateNonNegativeInteger,
  validateOneOf,
  validateOptionsObject,
  validatePositiveInteger,
  validateString,
} from './options/validate.js';
export type { ValueKind } from './options/validate.js';
