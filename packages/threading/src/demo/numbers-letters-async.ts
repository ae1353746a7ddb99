// Demo: the same two functions as async functions on one event loop: Node's analogue of
// Python threads for I/O (concurrency on one core, no worker threads at all).
import { printLetters, printNumbers } from '@concur/core/workloads';
import { printElapsed } from './elapsed.js';

/**
 * Awaits `printNumbers` and `printLetters` together in this thread: the sleeps overlap,
 * so it takes as long as the two-thread version, with strictly alternating lines.
 */
export async function runNumbersLettersAsync(delayMs: number): Promise<void> {
  console.log('== Two async functions on the event loop (concurrency on one thread) ==');
  const started = performance.now();
  await Promise.all([printNumbers(delayMs), printLetters(delayMs)]);
  console.log('Async functions completed.');
  printElapsed(started);
}
