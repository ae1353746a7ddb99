// Test helper: checks that a wait that timed out lasted about its timeout, in a window wide
// enough for a loaded 2-core machine (never assert tight timings).
import { expect } from 'vitest';

/** How much later than its timeout a timed-out wait may return on a busy machine. */
export const LATE_WINDOW_MS = 5_000;
/** Clock granularity slack below the timeout. */
const EARLY_SLACK_MS = 2;

/** Asserts that the time since `started` (performance.now()) is within the wide window. */
export function expectWaitedFor(started: number, timeoutMs: number): void {
  const waited = performance.now() - started;
  expect(waited).toBeGreaterThanOrEqual(timeoutMs - EARLY_SLACK_MS);
  expect(waited).toBeLessThan(timeoutMs + LATE_WINDOW_MS);
}
