// Named time limits for stopping children: graceful first (a `stop` request), then SIGTERM,
// then SIGKILL, so a stuck child never outlives the caller's patience.

/**
 * How long `stop()` waits, by default, for a child to finish its running tasks and exit after
 * a `stop` request before sending SIGTERM. Long enough for ordinary tasks to settle.
 */
export const GRACEFUL_STOP_TIMEOUT_MS = 5_000;

/**
 * How long a child gets to exit after SIGTERM before it is sent SIGKILL. Node exits at once
 * on SIGTERM unless user code handles the signal; this bounds a handler that never returns.
 */
export const FORCE_KILL_AFTER_MS = 2_000;
