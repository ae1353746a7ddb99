// @concur/distributed: the Executor contract across machines, on BullMQ and Redis —
// DistributedExecutor (client side), startWorker / concur-worker (worker side), remote tasks.
export { DistributedExecutor } from './client/distributed-executor.js';
export { ABORT_GRACE_MS } from './client/remote-jobs.js';
export type { DistributedTask } from './client/distributed-executor.js';
export type { ProgressListener } from './client/tracked-task.js';
export { DEFAULT_MAX_IN_FLIGHT, RESULT_RETENTION_S } from './client/executor-options.js';
export type { DistributedExecutorOptions } from './client/executor-options.js';
export { startWorker, DistributedWorker } from './worker/start-worker.js';
export type { DistributedWorkerState } from './worker/start-worker.js';
export {
  DEFAULT_LOCK_DURATION_MS,
  DEFAULT_MAX_STALLED_COUNT,
  DEFAULT_STALLED_INTERVAL_MS,
} from './worker/worker-options.js';
export type { WorkerOptions } from './worker/worker-options.js';
export { reportProgress } from './worker/progress.js';
export { remoteTask, isRemoteTask, REMOTE_TASK_ADDRESS } from './task/remote-task.js';
export type { RemoteTask } from './task/remote-task.js';
export type { TaskAddress } from './task/task-address.js';
export { getTaskAddress } from './task/get-task-address.js';
export { TaskLoadError } from './errors.js';
export type { TaskLoadErrorDetails } from './errors.js';
export { redactUrl } from './connection/redact.js';
export type { Connection, RedisConnectionOptions } from './connection/connection.js';
