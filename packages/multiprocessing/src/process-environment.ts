// Environment variables the parent sets for a child process, read by the child entry before
// any user module loads (so `currentProcess().name` is right even at import time).

/** The child's process name, such as `Process-1`. */
export const PROCESS_NAME_VARIABLE = 'CONCUR_PROCESS_NAME';
/** The parent's process name, such as `MainProcess`. */
export const PARENT_NAME_VARIABLE = 'CONCUR_PARENT_PROCESS_NAME';
/** The parent's pid. */
export const PARENT_PID_VARIABLE = 'CONCUR_PARENT_PID';
/**
 * Set (to `1`) for pool workers: the child ignores SIGINT, because Ctrl-C reaches the whole
 * process group and the parent, which shuts its pools down gracefully, decides when it ends.
 */
export const IGNORE_INTERRUPT_VARIABLE = 'CONCUR_IGNORE_SIGINT';
