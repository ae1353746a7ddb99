// `nx run executors:demo`: the tutorial's section 5 (square over [1..5] with 3 workers,
// ThreadPool then ProcessPool), then asCompleted and wait. `--delay-ms N` shortens the sleeps.
import { TUTORIAL_DELAY_MS, sleepTask, square } from '@concur/core/workloads';
import { validateNonNegativeInteger } from '@concur/core';
import {
  FIRST_COMPLETED,
  ProcessPoolExecutor,
  ThreadPoolExecutor,
  asCompleted,
  wait,
  type Executor,
} from '../index.js';

/** Reads `--delay-ms N` (default: the tutorial's 1000 ms sleep). */
function readDelay(argv: readonly string[]): number {
  const index = argv.indexOf('--delay-ms');
  if (index < 0) return TUTORIAL_DELAY_MS;
  return validateNonNegativeInteger('--delay-ms', Number(argv[index + 1]), 'argument');
}

const format = (values: readonly unknown[]) => `[${values.join(', ')}]`;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Section 5: `list(executor.map(square, [1, 2, 3, 4, 5]))` with `max_workers=3`. */
async function runSection5(label: string, executor: Executor, delayMs: number): Promise<void> {
  const started = performance.now();
  const numbers = [1, 2, 3, 4, 5];
  // With the tutorial's delay this is exactly `executor.map(square, numbers)`.
  const results =
    delayMs === TUTORIAL_DELAY_MS
      ? await executor.map(square, numbers)
      : await executor.starmap(
          square,
          numbers.map((n) => [n, delayMs] as [number, number]),
        );
  console.log(`${label} results: ${format(results)}   (${seconds(started)})`);
}

/** asCompleted: futures in the order they finish, not the order submitted. */
async function runAsCompleted(executor: Executor, delayMs: number): Promise<void> {
  const jobs = [
    ['slow', 3],
    ['fast', 1],
    ['medium', 2],
  ] as const;
  // Start all three workers first, so the order below depends on the sleeps alone and not
  // on how long each worker took to start.
  await Promise.all(jobs.map(() => executor.submit(sleepTask, delayMs, 'warm-up')));
  const futures = jobs.map(([name, units]) => executor.submit(sleepTask, units * delayMs, name));
  const order: string[] = [];
  for await (const future of asCompleted(futures)) order.push(String(await future.result()));
  console.log(`asCompleted order: ${order.join(', ')}`);
}

/** wait: FIRST_COMPLETED returns as soon as one is done; the others keep running. */
async function runWait(executor: Executor, delayMs: number): Promise<void> {
  const futures = [1, 2, 3].map((units) => executor.submit(sleepTask, units * delayMs, units));
  const first = await wait(futures, { returnWhen: FIRST_COMPLETED });
  console.log(`wait FIRST_COMPLETED: ${first.done.size} done, ${first.notDone.size} not done`);
  const all = await wait(futures);
  console.log(`wait ALL_COMPLETED: ${all.done.size} done, ${all.notDone.size} not done`);
}

const delayMs = readDelay(process.argv.slice(2));
{
  await using executor = new ThreadPoolExecutor({ maxWorkers: 3 });
  await runSection5('ThreadPool', executor, delayMs);
}
{
  await using executor = new ProcessPoolExecutor({ maxWorkers: 3 });
  await runSection5('ProcessPool', executor, delayMs);
}
{
  await using executor = new ThreadPoolExecutor({ maxWorkers: 3 });
  await runAsCompleted(executor, delayMs);
  await runWait(executor, delayMs);
}
