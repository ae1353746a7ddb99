// Quick-start tasks: exported so that each worker thread can import them.
import { defineTask } from '@concur/core';
import { currentThread } from '@concur/threading';

function isPrime(n) {
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return n >= 2;
}

export const countPrimes = defineTask(import.meta.url, function countPrimes(limit) {
  let count = 0;
  for (let n = 2; n < limit; n++) if (isPrime(n)) count++;
  console.log(`${currentThread().name}: ${count} primes below ${limit}`);
});

export const divide = defineTask(import.meta.url, function divide(a, b) {
  if (b === 0) throw new RangeError(`cannot divide ${a} by zero`);
  return a / b;
});
