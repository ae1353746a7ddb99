// The README's quick start: submit, map, errors, asCompleted, wait, per-task options.
import { currentThread } from '@concur/threading';
import {
  FIRST_COMPLETED,
  ProcessPoolExecutor,
  ThreadPoolExecutor,
  asCompleted,
  wait,
} from '@concur/executors';
import { crunch, fail, square } from './tasks.mjs';

// In TypeScript, `await using executor = new ThreadPoolExecutor(...)` shuts it down at
// scope end; plain JavaScript on Node 20 has no `using` syntax yet, so: try / finally.
const executor = new ThreadPoolExecutor({ maxWorkers: 3 });
try {
  console.log('submit:', await executor.submit(square, 7));
  console.log('map:', await executor.map(square, [1, 2, 3, 4, 5]));
  for await (const value of executor.map(square, [6, 7])) console.log('map, lazily:', value);

  const error = await executor.submit(fail, 'E_BAD').exception();
  console.log('error:', error.name, error.message, error.code, '| cause:', error.cause.message);

  const futures = [3, 1, 2].map((n) => executor.submit(square, n));
  for await (const future of asCompleted(futures)) console.log('completed:', await future.result());
  const { done, notDone } = await wait(futures, { returnWhen: FIRST_COMPLETED });
  console.log('wait:', done.size, 'done,', notDone.size, 'not done');

  const timedOut = executor.submitWith({ timeout: 50 }, crunch, 1e12);
  console.log('timeout:', await timedOut.exception().then((e) => e.name));
} finally {
  await executor.shutdown();
}
const processes = new ProcessPoolExecutor({ maxWorkers: 2 });
console.log('process pool:', await processes.map(square, [1, 2, 3]));
await processes.shutdown();
console.log('main thread is still', currentThread().name);
