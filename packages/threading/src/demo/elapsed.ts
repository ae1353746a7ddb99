// Demo helper: prints how long a demo took, in seconds.

/** Prints `(took 5.02 s)` for a start time taken with `performance.now()`. */
export function printElapsed(startedMs: number): void {
  console.log(`(took ${((performance.now() - startedMs) / 1000).toFixed(2)} s)`);
}
