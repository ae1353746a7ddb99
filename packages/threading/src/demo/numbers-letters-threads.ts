// Demo: the tutorial's section 2, print_numbers and print_letters in two Threads.
import { printLetters, printNumbers } from '@concur/core/workloads';
import { Thread } from '../thread.js';
import { printElapsed } from './elapsed.js';

/**
 * Runs `printNumbers` and `printLetters` in two worker threads, joins both, prints
 * `Threads completed.`: about 5 s with the tutorial's 1 s delays, lines interleaved.
 */
export async function runNumbersLettersThreads(delayMs: number): Promise<void> {
  console.log('== Two Threads: print_numbers and print_letters (section 2) ==');
  const started = performance.now();
  const t1 = new Thread({ target: printNumbers, args: [delayMs] });
  const t2 = new Thread({ target: printLetters, args: [delayMs] });

  t1.start();
  t2.start();

  await t1.join();
  await t2.join();
  console.log('Threads completed.');
  printElapsed(started);
}
