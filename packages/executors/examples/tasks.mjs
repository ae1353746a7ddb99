// Tasks for the README's quick start: exported, so worker threads and processes find them.
import { setTimeout as sleep } from 'node:timers/promises';
import { defineTask, taskSignal } from '@concur/core';

export const square = defineTask(import.meta.url, async function square(n) {
  await sleep(100);
  return n * n;
});

export const crunch = defineTask(import.meta.url, function crunch(limit) {
  const signal = taskSignal();
  let total = 0;
  for (let i = 0; i < limit && !signal.aborted; i++) total += i % 7;
  if (signal.aborted) throw signal.reason;
  return total;
});

export const fail = defineTask(import.meta.url, function fail(code) {
  const error = new RangeError(`bad input ${code}`, { cause: new Error('root cause') });
  error.code = code;
  throw error;
});
