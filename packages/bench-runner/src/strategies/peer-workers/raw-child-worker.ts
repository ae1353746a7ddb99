// Child side of the raw child-process reference: one IPC message per task (V8 serialization).
import { callTask, type PeerCall } from './call-task.js';

if (process.send === undefined) throw new Error('raw-child-worker must run as a forked child.');
const send = process.send.bind(process);

process.on('message', (message: PeerCall & { id: number }) => {
  const reply = (value: unknown): void => void send({ id: message.id, value });
  const fail = (error: unknown): void =>
    void send({ id: message.id, error: String((error as Error)?.stack ?? error) });
  try {
    const value = callTask(message);
    if (value instanceof Promise) value.then(reply, fail);
    else reply(value);
  } catch (error) {
    fail(error);
  }
});
// The child exits by itself once the parent disconnects the IPC channel.
send({ ready: true });
