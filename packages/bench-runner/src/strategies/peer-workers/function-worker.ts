// Worker side for piscina and tinypool (threads and child_process): their workers call the
// module's default export with the task data.
import { callTask, type PeerCall } from './call-task.js';

/** Runs one task call for the peer library. */
export default function runPeerCall(call: PeerCall): unknown {
  return callTask(call);
}
