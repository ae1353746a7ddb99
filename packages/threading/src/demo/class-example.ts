// Demo: the tutorial's "thread with class" example, translated.
import { MyThread } from './my-thread.js';
import { printElapsed } from './elapsed.js';

/** Starts `MyThread("Worker-1")` and `MyThread("Worker-2")` and joins them. */
export async function runClassExample(delayMs: number): Promise<void> {
  console.log('== Thread with class: MyThread overrides run() ==');
  const started = performance.now();
  const t1 = new MyThread('Worker-1', delayMs);
  const t2 = new MyThread('Worker-2', delayMs);

  t1.start();
  t2.start();

  await t1.join();
  await t2.join();
  printElapsed(started);
}
