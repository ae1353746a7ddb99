// A pool's part in core's SIGINT / SIGTERM shutdown: it takes part while it has workers (so a
// process without live pools keeps Node's default behaviour), and leaves when the last exits.
import { addSignalShutdown, type SignalShutdownParticipant } from '@concur/core';

/** Shuts the pool down: gracefully (cancel queued, let running finish), or killing workers. */
export type PoolShutdown = (kill: boolean) => Promise<void>;

/** Joins and leaves the signal shutdown as a pool gains its first and loses its last worker. */
export class SignalMembership {
  #leave: (() => void) | undefined;
  readonly #participant: SignalShutdownParticipant;

  constructor(countRunningTasks: () => number, shutdown: PoolShutdown) {
    this.#participant = {
      countRunningTasks,
      close: () => shutdown(false),
      terminate: () => shutdown(true),
    };
  }

  /** Takes part (once) when the pool starts a worker. */
  join(): void {
    this.#leave ??= addSignalShutdown(this.#participant);
  }

  /** Stops taking part when the pool has no worker left. */
  leave(): void {
    this.#leave?.();
    this.#leave = undefined;
  }
}
