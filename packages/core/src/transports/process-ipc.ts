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
  return {
    send(message) {
      if (process.connected) process.send!(message);
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
      if (process.connected) process.disconnect();
    },
  };
}
