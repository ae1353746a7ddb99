// Worker side for workerpool: registers one method, `run`, that calls the task.
import workerpool from 'workerpool';
import { callTask, type PeerCall } from './call-task.js';

workerpool.worker({ run: (call: PeerCall) => callTask(call) });
