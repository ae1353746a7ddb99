// Quick start: submit tasks to whatever workers listen on queue `demo`.
import { registerErrorClass } from '@concur/core';
import { asCompleted } from '@concur/executors';
import { DistributedExecutor } from '@concur/distributed';
import { countTo, order, OutOfStock, square } from './jobs.mjs';

const executor = new DistributedExecutor({
  connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6390',
  queue: 'demo',
});

try {
  const futures = [1, 2, 3, 4].map((n) => executor.submit(square, n));
  for await (const future of asCompleted(futures)) {
    const { n, square: value, worker } = await future;
    console.log(`${n}² = ${value} (on ${worker})`);
  }

  console.log('map:', await executor.map(square, [5, 6]).then((rows) => rows.map((r) => r.square)));

  const counting = executor.submit(countTo, 3);
  executor.onProgress(counting, (p) => console.log(`progress ${p.done}/${p.of}`));
  console.log('counted to', await counting);

  registerErrorClass(OutOfStock);
  try {
    await executor.submit(order, 'widgets');
  } catch (error) {
    console.log(
      `${error.name} (instanceof OutOfStock: ${error instanceof OutOfStock}): ${error.message}, item=${error.item}`,
    );
  }
} finally {
  await executor.shutdown(); // or `await using executor = ...` in TypeScript / Node 24
}
