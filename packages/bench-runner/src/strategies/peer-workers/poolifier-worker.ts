// Worker side for poolifier: a ThreadWorker whose single task function calls the task.
// It is async because poolifier sends a sync function's return value as is, and the first
// call of a task returns a promise (its module is imported then).
import { ThreadWorker } from 'poolifier';
import { callTask, type PeerCall } from './call-task.js';

export default new ThreadWorker(async (call?: PeerCall) => (await callTask(call!)) as never);
