// Settles a future with a deadline and tells what happened and when, so a test can assert
// that nothing stays pending and report how long settling took.
import type { Future } from '@concur/executors';

/** How a future ended within the deadline. */
export type Outcome =
  | { readonly kind: 'fulfilled'; readonly value: unknown; readonly ms: number }
  | { readonly kind: 'rejected'; readonly error: Error; readonly ms: number }
  | { readonly kind: 'pending'; readonly ms: number };

type Settled =
  | { readonly kind: 'fulfilled'; readonly value: unknown }
  | { readonly kind: 'rejected'; readonly error: Error };

/** Waits for `future` up to `deadlineMs` from `startedAt` (a `performance.now()` value). */
export async function settleWithin(
  future: Future<unknown>,
  deadlineMs: number,
  startedAt = performance.now(),
): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'pending'>((resolve) => {
    timer = setTimeout(() => resolve('pending'), deadlineMs - (performance.now() - startedAt));
  });
  try {
    const result: Settled | 'pending' = await Promise.race([
      future.then(
        (value): Settled => ({ kind: 'fulfilled', value }),
        (error: unknown): Settled => ({ kind: 'rejected', error: error as Error }),
      ),
      timeout,
    ]);
    const ms = Math.round(performance.now() - startedAt);
    if (result === 'pending') return { kind: 'pending', ms };
    return { ...result, ms };
  } finally {
    clearTimeout(timer);
  }
}
