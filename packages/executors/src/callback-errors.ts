// Reports an error thrown by a user's done callback without letting it break anything
// (Python logs "exception calling callback for <Future>").

/**
 * Emits a process warning (printed to stderr by default) for an error thrown by a
 * callback, so it is visible but never changes a future or stops other callbacks.
 */
export function reportCallbackError(error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.emitWarning(`A done callback of a future threw: ${detail}`, {
    type: 'ConcurWarning',
    code: 'CONCUR_CALLBACK_ERROR',
  });
}
