// Crash matrix for multiprocessing's Pool (Python's Pool API): a task that exits, throws from
// a timer or gets SIGKILL/SIGSEGV fails only its own result within a bound; neighbours
// complete, the pool keeps serving, and close() + join() leave no child behind.
import { afterEach, describe, expect, it } from 'vitest';
import { Pool } from '@concur/multiprocessing';
import { exitWith, signalSelf } from '../fixtures/exit-with.mjs';
import { throwLater } from '../fixtures/throw.mjs';
import { square } from '../fixtures/echo.mjs';
import { sleep } from '../fixtures/sleep.mjs';
import { recordFigure } from '../../src/figures/record-figure.js';
import { findDescendants, waitUntil } from '../helpers/children.js';
import { CHILDREN_GONE_WITHIN_MS, SETTLE_BOUND_MS } from '../helpers/crash-scenario.js';
import { expectCrash } from '../helpers/expect-errors.js';

/** Neighbours submitted before the fault. */
const NEIGHBOURS = 6;

const pools: Pool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) {
    pool.terminate();
    await pool.join();
  }
});

/** Settles `promise` within the bound: its value, its error, or `pending`. */
async function outcomeOf(promise: Promise<unknown>, startedAt: number) {
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    promise.then(
      (value) => ({ kind: 'fulfilled' as const, value }),
      (error: unknown) => ({ kind: 'rejected' as const, error: error as Error }),
    ),
    new Promise<{ kind: 'pending' }>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'pending' }), SETTLE_BOUND_MS);
    }),
  ]);
  clearTimeout(timer);
  return { ...result, ms: Math.round(performance.now() - startedAt) };
}

const faults = [
  { label: 'process.exit(3)', task: exitWith, args: [3], expected: { exitCode: 3, signal: null } },
  { label: 'uncaught error in a timer', task: throwLater, args: [5], expected: { exitCode: 1 } },
  {
    label: 'SIGKILL (from the task)',
    task: signalSelf,
    args: ['SIGKILL'],
    expected: { exitCode: null, signal: 'SIGKILL' },
  },
  {
    label: 'SIGSEGV (from the task)',
    task: signalSelf,
    args: ['SIGSEGV'],
    expected: { exitCode: null, signal: 'SIGSEGV' },
  },
] as const;

describe('multiprocessing Pool crash matrix', () => {
  it.each(faults)('$label fails only its own result', async (fault) => {
    const pool = new Pool({ processes: 2 });
    pools.push(pool);
    const startedAt = performance.now();
    const neighbours = Array.from({ length: NEIGHBOURS }, (_, index) =>
      pool.applyAsync(sleep, [20, index]).get(),
    );
    const faulty = await outcomeOf(
      pool.applyAsync(fault.task as never, [...fault.args] as never).get(),
      startedAt,
    );
    const settled = await Promise.all(neighbours.map((promise) => outcomeOf(promise, startedAt)));
    const after = await outcomeOf(pool.apply(square, [7]), performance.now());
    const children = findDescendants();
    pool.close();
    await pool.join();
    const gone = await waitUntil(() => findDescendants().length === 0, CHILDREN_GONE_WITHIN_MS);
    const pending = [faulty, ...settled, after].filter((o) => o.kind === 'pending').length;
    const neighboursOk = settled.filter(
      (o, index) => o.kind === 'fulfilled' && o.value === index,
    ).length;
    let error = faulty.kind as string;
    let errorOk = false;
    if (faulty.kind === 'rejected') {
      try {
        error = expectCrash(faulty.error, fault.expected);
        errorOk = true;
      } catch {
        error = `${faulty.error.name}: ${faulty.error.message}`;
      }
    }
    recordFigure({
      section: 'crash',
      subject: `Pool: ${fault.label}`,
      values: {
        injected: 1,
        error,
        settledMs: faulty.ms,
        neighboursOk: `${neighboursOk}/${NEIGHBOURS}`,
        keptServing: after.kind === 'fulfilled' && after.value === 49,
        leftBehind: findDescendants().length,
        pending,
        ok: errorOk && neighboursOk === NEIGHBOURS && gone && pending === 0,
      },
    });
    expect(children.length).toBeGreaterThan(0);
    expect(faulty.kind).toBe('rejected');
    if (faulty.kind === 'rejected') expectCrash(faulty.error, fault.expected);
    expect(neighboursOk).toBe(NEIGHBOURS);
    expect(after).toMatchObject({ kind: 'fulfilled', value: 49 });
    expect(gone).toBe(true);
    expect(pending).toBe(0);
  });
});
