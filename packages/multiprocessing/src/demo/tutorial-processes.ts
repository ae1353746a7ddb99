// Demo: the tutorial's section 3, three Processes each printing its name and number, with
// core's `worker(n, delayMs)` workload (Python's `worker(n)` with `time.sleep(1)`).
import { worker } from '@concur/core/workloads';
import { Process } from '../process.js';

/**
 * Runs the tutorial's example: starts three processes, joins them, prints a summary.
 * @param delayMs - each worker's sleep, in milliseconds (the tutorial's 1000).
 * @example
 * await runTutorialProcesses(1000);
 */
export async function runTutorialProcesses(delayMs: number): Promise<void> {
  const processes = [0, 1, 2].map((i) => new Process({ target: worker, args: [i, delayMs] }));
  for (const p of processes) p.start();
  for (const p of processes) await p.join();
  console.log('All processes finished.');
}
