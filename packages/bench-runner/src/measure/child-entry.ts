// Entry of a fresh measuring process: receives one request from the orchestrator over
// execa's IPC (a group to measure, or a calibration), answers it, and exits.
// Never started by hand.
import { getOneMessage, sendMessage } from 'execa';
import { calibrateHere } from './calibrate-here.js';
import type { ChildRequest } from './child-protocol.js';
import { runGroup } from './run-group.js';

if (process.send === undefined) {
  throw new Error('child-entry is started by the bench-runner orchestrator with an IPC channel.');
}
const request = (await getOneMessage()) as unknown as ChildRequest;
const reply =
  request.kind === 'group' ? await runGroup(request.group) : await calibrateHere(request);
await sendMessage(reply as never);
// Pools that failed to close cleanly must not keep this process (and the run) alive.
process.exit(0);
