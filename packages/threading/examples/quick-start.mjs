// Quick start: two Threads crunch in parallel, then one fails and nothing is lost.
import { Thread, currentThread } from '@concur/threading';
import { countPrimes, divide } from './tasks.mjs';

const threads = [2_000_000, 1_000_000].map(
  (limit) => new Thread({ target: countPrimes, args: [limit] }),
);
for (const thread of threads) thread.start();
console.log(`${currentThread().name} waits for ${threads.map((t) => t.name).join(' and ')}`);
for (const thread of threads) await thread.join();

const broken = new Thread({ target: divide, args: [1, 0], name: 'divider' });
broken.start();
await broken.join();
console.log(`divider is alive: ${broken.isAlive()}, its exception: ${broken.exception.message}`);
