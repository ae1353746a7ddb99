// Demo: a race condition on a counter in shared memory: lost updates without a Lock, none
// with one.
import { Lock } from '../sync/lock.js';
import { Thread } from '../thread.js';
import { COUNTER, incrementUnsafely, incrementWithLock, RACE_CELLS } from './race-tasks.js';

/** How many threads race, and how many increments each makes. */
export const RACE_THREADS = 4;
export const RACE_INCREMENTS = 50;

async function runRace(label: string, createThread: (shared: SharedArrayBuffer) => Thread<any>) {
  const shared = new SharedArrayBuffer(RACE_CELLS * Int32Array.BYTES_PER_ELEMENT);
  const threads = Array.from({ length: RACE_THREADS }, () => createThread(shared));
  threads.forEach((thread) => thread.start());
  await Promise.all(threads.map((thread) => thread.join()));
  const counter = Atomics.load(new Int32Array(shared), COUNTER);
  const expected = RACE_THREADS * RACE_INCREMENTS;
  console.log(
    `${label} counter = ${counter} (expected ${expected}, ${expected - counter} updates lost)`,
  );
}

/**
 * Four threads each add 1 to a shared counter 50 times with `counter = counter + 1`, which
 * is a read then a write: increments made between the two are overwritten. Then the same
 * with a Lock passed to every thread: nothing is lost.
 */
export async function runRaceCondition(): Promise<void> {
  console.log(
    `== Race condition: ${RACE_THREADS} threads x ${RACE_INCREMENTS} non-atomic increments of a shared counter ==`,
  );
  await runRace('Without a Lock:', (shared) => {
    return new Thread({
      target: incrementUnsafely,
      args: [shared, RACE_INCREMENTS, RACE_THREADS],
    });
  });
  const lock = new Lock();
  await runRace('With a Lock:   ', (shared) => {
    return new Thread({
      target: incrementWithLock,
      args: [shared, lock, RACE_INCREMENTS, RACE_THREADS],
    });
  });
}
