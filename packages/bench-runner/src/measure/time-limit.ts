// Time limits around pool operations, so a pool that never finishes a job or never closes
// becomes an error on that configuration instead of hanging the whole run.

/** A job that has not finished after this long is stuck (the longest planned job is ~2 s). */
export const JOB_TIMEOUT_MS = 120_000;
/** A pool that has not closed after this long is stuck (closing takes milliseconds). */
export const CLOSE_TIMEOUT_MS = 5000;

/**
 * Resolves like `promise`, or rejects with an Error naming `what` after `ms`.
 * @example
 * await withTimeLimit(instance.close(), CLOSE_TIMEOUT_MS, 'close()');
 */
export function withTimeLimit<T>(promise: PromiseLike<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve(promise), limit]).finally(() => clearTimeout(timer));
}
