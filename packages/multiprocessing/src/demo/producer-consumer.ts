// Demo: producers and consumers in separate processes sharing one Queue, the classic
// multiprocessing pattern; each consumer stops at a `null` sentinel.
import { setTimeout as sleep } from 'node:timers/promises';
import { defineTask } from '@concur/core';
import { currentProcess } from '../identity/process-identity.js';
import { Process } from '../process.js';
import { Queue } from '../queue/queue.js';

/** An item on the demo queue. */
export interface Job {
  readonly id: number;
  readonly producer: string;
}

/** Puts `count` jobs on the queue, sleeping `delayMs` between them. */
export const produce = defineTask(
  import.meta.url,
  async function produce(queue: Queue<Job | null>, first: number, count: number, delayMs: number) {
    const name = currentProcess().name;
    for (let id = first; id < first + count; id++) {
      await queue.put({ id, producer: name });
      console.log(`${name} produced job ${id}`);
      await sleep(delayMs);
    }
  },
);

/** Takes jobs until a `null` sentinel, "working" `delayMs` on each. */
export const consume = defineTask(
  import.meta.url,
  async function consume(queue: Queue<Job | null>, delayMs: number) {
    const name = currentProcess().name;
    for (;;) {
      const job = await queue.get();
      if (job === null) break;
      await sleep(delayMs);
      console.log(`${name} consumed job ${job.id} from ${job.producer}`);
    }
    console.log(`${name} finished.`);
  },
);

/**
 * Runs two producers and two consumers over one Queue, then prints a summary.
 * @param delayMs - the pause between puts and per job, in milliseconds.
 */
export async function runProducerConsumer(delayMs: number): Promise<void> {
  const queue = new Queue<Job | null>(4);
  const perProducer = 5;
  const producers = [0, 1].map(
    (p) => new Process({ target: produce, args: [queue, p * perProducer, perProducer, delayMs] }),
  );
  const consumers = [0, 1].map(() => new Process({ target: consume, args: [queue, delayMs] }));
  for (const p of [...producers, ...consumers]) p.start();
  for (const p of producers) await p.join();
  for (const _ of consumers) await queue.put(null); // one sentinel per consumer
  for (const p of consumers) await p.join();
  console.log(`All ${producers.length * perProducer} jobs consumed.`);
}
