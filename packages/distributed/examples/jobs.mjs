// Quick start tasks: any module in a package the workers have installed works the same.
import { defineTask, getWorkerIdentity } from '@concur/core';
import { reportProgress } from '@concur/distributed';

export const square = defineTask(import.meta.url, async (n) => {
  await new Promise((resolve) => setTimeout(resolve, 100)); // pretend to work
  return { n, square: n * n, worker: getWorkerIdentity().processName };
});

export const countTo = defineTask(import.meta.url, async (limit) => {
  for (let i = 1; i <= limit; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    reportProgress({ done: i, of: limit });
  }
  return limit;
});

export class OutOfStock extends Error {
  constructor(item) {
    super(`no ${item} left`);
    this.name = 'OutOfStock';
    this.item = item;
  }
}

export const order = defineTask(import.meta.url, (item) => {
  throw new OutOfStock(item);
});
