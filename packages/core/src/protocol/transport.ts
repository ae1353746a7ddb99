// The transport interface: the one thing that differs between a worker thread and a child
// process. The worker-side loop (`serve`) and the main-side handles both speak through it.

/** A bidirectional message channel. */
export interface Transport<Outgoing = unknown, Incoming = unknown> {
  /**
   * Sends a message. Throws synchronously when the message cannot be serialized
   * (e.g. a `DataCloneError`), so the caller can report it against the right task.
   * @param transfer - objects to transfer instead of copy, where the transport supports it.
   */
  send(message: Outgoing, transfer?: readonly Transferable[]): void;
  /** Registers the handler for incoming messages. Only one handler is kept. */
  onMessage(handler: (message: Incoming) => void): void;
  /** Lets the transport stop keeping its side's event loop alive (or keep it alive again). */
  setReferenced?(referenced: boolean): void;
  /** Closes this end. */
  close(): void;
}

/** Objects that can be transferred rather than copied. */
export type Transferable = ArrayBuffer | import('node:worker_threads').MessagePort;
