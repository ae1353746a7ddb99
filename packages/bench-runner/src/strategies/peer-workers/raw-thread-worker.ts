// Worker side of the raw worker_threads reference: one postMessage per task, no library.
import { parentPort } from 'node:worker_threads';
import { callTask, type PeerCall } from './call-task.js';

if (parentPort === null) throw new Error('raw-thread-worker must run in a worker thread.');
const port = parentPort;

port.on('message', (message: PeerCall & { id: number }) => {
  const reply = (value: unknown): void => port.postMessage({ id: message.id, value });
  const fail = (error: unknown): void =>
    port.postMessage({ id: message.id, error: String((error as Error)?.stack ?? error) });
  try {
    const value = callTask(message);
    if (value instanceof Promise) value.then(reply, fail);
    else reply(value);
  } catch (error) {
    fail(error);
  }
});
port.postMessage({ ready: true });
