// Runs one fault of the crash matrix against a fresh pool: the faulty task among
// well-behaved neighbours, then a task after the fault, then shutdown, and records the row.
import { expect } from 'vitest';
import type { Future, ThreadPoolExecutor, ProcessPoolExecutor } from '@concur/executors';
import { recordFigure } from '../../src/figures/record-figure.js';
import { findDescendants, waitUntil } from './children.js';
import { settleWithin, type Outcome } from './settle.js';
import { sleep } from '../fixtures/sleep.mjs';
import { square } from '../fixtures/echo.mjs';

/**
 * How long the faulty future (and every neighbour) may take to settle, in ms from submit.
 * Far above the real figures (tens to hundreds of ms), so a loaded 2-core CI machine passes,
 * while a future that never settles still fails the test.
 */
export const SETTLE_BOUND_MS = 15_000;

/** How long children may take to disappear after shutdown resolved, in ms (the 2 s). */
export const CHILDREN_GONE_WITHIN_MS = 2_000;

/** Neighbours submitted before the fault, each sleeping a little. */
const NEIGHBOURS = 6;
const NEIGHBOUR_SLEEP_MS = 20;

export type PoolExecutor = ThreadPoolExecutor | ProcessPoolExecutor;

/** One fault to inject. */
export interface Fault {
  readonly label: string;
  /** Submits the faulty task. */
  readonly inject: (executor: PoolExecutor) => Future<unknown>;
  /** Checks the faulty future's error; returns a short description for the table. */
  readonly check: (error: Error) => string;
  /** Whether to call shutdown right after injecting (the "crash while shutting down" row). */
  readonly duringShutdown?: boolean;
}

/** What the scenario observed, for assertions. */
export interface CrashObservation {
  readonly fault: Outcome;
  readonly neighbours: readonly Outcome[];
  readonly after: Outcome | undefined;
  readonly leftBehind: number;
}

/** Injects `fault` into `executor` (kind `kind`), records the row and asserts the invariants. */
export async function runCrashScenario(
  kind: 'thread' | 'process',
  executor: PoolExecutor,
  fault: Fault,
): Promise<CrashObservation> {
  const startedAt = performance.now();
  const neighbourFutures = Array.from({ length: NEIGHBOURS }, (_, index) =>
    executor.submit(sleep, NEIGHBOUR_SLEEP_MS, index),
  );
  const faulty = fault.inject(executor);
  const shutdown = fault.duringShutdown ? executor.shutdown() : undefined;
  const faultOutcome = await settleWithin(faulty, SETTLE_BOUND_MS, startedAt);
  const neighbours = await Promise.all(
    neighbourFutures.map((future) => settleWithin(future, SETTLE_BOUND_MS, startedAt)),
  );
  let after: Outcome | undefined;
  if (!fault.duringShutdown)
    after = await settleWithin(executor.submit(square, 7), SETTLE_BOUND_MS);
  await (shutdown ?? executor.shutdown());
  const gone =
    kind === 'process'
      ? await waitUntil(() => findDescendants().length === 0, CHILDREN_GONE_WITHIN_MS)
      : executor.workerCount === 0;
  const leftBehind = kind === 'process' ? findDescendants().length : executor.workerCount;

  const all = [faultOutcome, ...neighbours, ...(after ? [after] : [])];
  const pending = all.filter((outcome) => outcome.kind === 'pending').length;
  const neighboursOk = neighbours.filter(
    (outcome, index) => outcome.kind === 'fulfilled' && outcome.value === index,
  ).length;
  let got = faultOutcome.kind;
  let errorOk = false;
  if (faultOutcome.kind === 'rejected') {
    try {
      got = fault.check(faultOutcome.error) as typeof got;
      errorOk = true;
    } catch (error) {
      got =
        `${faultOutcome.error.name}: ${faultOutcome.error.message} (${(error as Error).message.split('\n')[0]})` as typeof got;
    }
  }
  const keptServing =
    after === undefined ? 'n/a' : after.kind === 'fulfilled' && after.value === 49;
  recordFigure({
    section: 'crash',
    subject: `${kind}: ${fault.label}`,
    values: {
      injected: 1,
      error: got,
      settledMs: faultOutcome.ms,
      neighboursOk: `${neighboursOk}/${NEIGHBOURS}`,
      keptServing,
      leftBehind,
      pending,
      ok: errorOk && neighboursOk === NEIGHBOURS && keptServing !== false && gone && pending === 0,
    },
  });

  expect(faultOutcome.kind, `faulty future of "${fault.label}"`).toBe('rejected');
  if (faultOutcome.kind === 'rejected') fault.check(faultOutcome.error);
  expect(
    neighbours.map((outcome) => (outcome.kind === 'fulfilled' ? outcome.value : outcome)),
  ).toEqual(Array.from({ length: NEIGHBOURS }, (_, index) => index));
  if (after !== undefined) expect(after).toMatchObject({ kind: 'fulfilled', value: 49 });
  expect(leftBehind).toBe(0);
  expect(pending).toBe(0);
  return { fault: faultOutcome, neighbours, after, leftBehind };
}
