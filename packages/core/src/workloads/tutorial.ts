// The tutorial's functions as exported tasks, with the same names and behaviour; their
// delays are parameters so tests can run them fast.
import { setTimeout as sleep } from 'node:timers/promises';
import { getWorkerIdentity } from '../identity/identity.js';
import { defineTask } from '../task/task-reference.js';

/** The tutorial's `10**6` iterations of `cpu_task`. */
export const TUTORIAL_ITERATIONS = 1_000_000;
/** The tutorial's one-second `time.sleep(1)`, in milliseconds. */
export const TUTORIAL_DELAY_MS = 1000;

/**
 * The tutorial's `cpu_task(n)`: sums `i * n` for `i` below `iterations`.
 * @param iterations - loop length. @default 1_000_000 (the tutorial's 10**6)
 * @example
 * cpuTask(2); // 999999000000
 */
export const cpuTask = defineTask(
  import.meta.url,
  function cpuTask(n: number, iterations: number = TUTORIAL_ITERATIONS) {
    let total = 0;
    for (let i = 0; i < iterations; i++) total += i * n;
    return total;
  },
);

/**
 * The tutorial's `square(n)`: sleeps, then returns `n * n`.
 * @param delayMs - the sleep. @default 1000
 * @example
 * await square(4, 10); // 16
 */
export const square = defineTask(
  import.meta.url,
  async function square(n: number, delayMs: number = TUTORIAL_DELAY_MS) {
    await sleep(delayMs);
    return n * n;
  },
);

/**
 * The tutorial's `print_numbers()`: prints `Number: 1` … `Number: 5`, sleeping after each.
 * @param delayMs - the sleep after each line. @default 1000
 */
export const printNumbers = defineTask(
  import.meta.url,
  async function printNumbers(delayMs: number = TUTORIAL_DELAY_MS) {
    for (let i = 1; i <= 5; i++) {
      console.log(`Number: ${i}`);
      await sleep(delayMs);
    }
  },
);

/**
 * The tutorial's `print_letters()`: prints `Letter: A` … `Letter: E`, sleeping after each.
 * @param delayMs - the sleep after each line. @default 1000
 */
export const printLetters = defineTask(
  import.meta.url,
  async function printLetters(delayMs: number = TUTORIAL_DELAY_MS) {
    for (const letter of 'ABCDE') {
      console.log(`Letter: ${letter}`);
      await sleep(delayMs);
    }
  },
);

/**
 * The tutorial's multiprocessing `worker(n)`: prints `<process name> working on n`,
 * sleeps, prints `<process name> done.`.
 * @param delayMs - the sleep. @default 1000
 */
export const worker = defineTask(
  import.meta.url,
  async function worker(n: number, delayMs: number = TUTORIAL_DELAY_MS) {
    const name = getWorkerIdentity().processName;
    console.log(`${name} working on ${n}`);
    await sleep(delayMs);
    console.log(`${name} done.`);
  },
);
