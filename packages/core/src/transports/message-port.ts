// A Transport over a MessagePort (a worker's `parentPort`, a `Worker`, or a MessageChannel end).
import type { Transferable, Transport } from '../protocol/transport.js';

/** The part of MessagePort / Worker this transport uses. */
export interface PortLike {
  postMessage(message: unknown, transfer?: readonly Transferable[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off?(event: 'message', listener: (message: unknown) => void): unknown;
  ref?(): void;
  unref?(): void;
  close?(): void;
}

/**
 * Wraps a MessagePort-like object as a {@link Transport}.
 *
 * @example
 * serve(createMessagePortTransport(parentPort!));
 */
export function createMessagePortTransport<Out = unknown, In = unknown>(
  port: PortLike,
): Transport<Out, In> {
  let current: ((message: unknown) => void) | undefined;
  return {
    send(message, transfer) {
      port.postMessage(message, transfer);
    },
    onMessage(handler) {
      if (current !== undefined) port.off?.('message', current);
      current = handler as (message: unknown) => void;
      port.on('message', current);
    },
    setReferenced(referenced) {
      if (referenced) port.ref?.();
      else port.unref?.();
    },
    close() {
      if (current !== undefined) port.off?.('message', current);
      current = undefined;
      port.close?.();
    },
  };
}
