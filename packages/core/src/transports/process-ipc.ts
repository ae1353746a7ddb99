// A Transport over this process's IPC channel to its parent (child-process side).
import type { Transport } from '../protocol/transport.js';

/**
 * Wraps `process.send` / `process.on('message')` as a {@link Transport}. The parent must
 * have started this process with an IPC channel and `serialization: 'advanced'`, so Maps,
 * Dates, typed arrays and errors cross intact.
 *
 * `send` throws synchronously for a value V8 cannot serialize (the advanced serializer
 * runs before anything is written), as a MessagePort does, so the loop can report an
 * unserializable result against its task.
 *
 * @throws Error when this process has no IPC channel.
 * @example
 * serve(createProcessTransport());
 */
export function createProcessTransport<Out = unknown, In = unknown>(): Transport<Out, In> {
  if (typeof process.send !== 'function') {
    throw new Error(
      'createProcessTransport() needs an IPC channel: start this process with one (fork / execa ipc).',
    );
  }
  let current: ((message: unknown) => void) | undefined;
  // Disconnecting while a send is still queued crashes Node's IPC internals (it touches a
  // channel it has already nulled), so `close` waits for every send's callback first.
  let unsent = 0;
  let closing = false;
  const disconnectWhenDrained = () => {
    if (closing && unsent === 0 && process.connected) process.disconnect();
  };
  const onSent = () => {
    unsent -= 1;
    disconnectWhenDrained();
  };
  return {
    send(message) {
      if (!process.connected || closing) return;
      process.send!(message, undefined, undefined, onSent);
      unsent += 1;
    },
    onMessage(handler) {
      if (current !== undefined) process.off('message', current);
      current = handler as (message: unknown) => void;
      process.on('message', current);
    },
    setReferenced(referenced) {
      const channel = process.channel;
      if (channel === undefined) return;
      if (referenced) channel.ref();
      else channel.unref();
    },
    close() {
      if (current !== undefined) process.off('message', current);
      current = undefined;
      closing = true;
      disconnectWhenDrained();
    },
  };
}
