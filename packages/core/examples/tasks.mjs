// Example tasks: exported, so worker threads and child processes can find them.
import { defineTask } from '@concur/core';

export class QuotaError extends Error {
  constructor(message, limit, options) {
    super(message, options);
    this.limit = limit;
  }
}

export const square = defineTask(import.meta.url, (n) => n * n);

export const charge = defineTask(import.meta.url, function charge(amount) {
  if (amount > 100) {
    throw new QuotaError(`amount ${amount} is over the limit`, 100, {
      cause: new RangeError('limit is 100'),
    });
  }
  return amount;
});
