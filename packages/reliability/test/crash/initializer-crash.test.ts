// Crash matrix, initializer row: an initializer that throws or exits breaks the pool as
// Python's does — every pending future fails with BrokenThreadPool / BrokenProcessPool within
// a bound, new submits are refused, and no thread or child is left behind.
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessPoolExecutor, ThreadPoolExecutor } from '@concur/executors';
import { initExit, initThrow } from '../fixtures/init-crash.mjs';
import { sleep } from '../fixtures/sleep.mjs';
import { recordFigure } from '../../src/figures/record-figure.js';
import { findDescendants, waitUntil } from '../helpers/children.js';
import { CHILDREN_GONE_WITHIN_MS, SETTLE_BOUND_MS } from '../helpers/crash-scenario.js';
import { expectBroken } from '../helpers/expect-errors.js';
import { settleWithin } from '../helpers/settle.js';

/** Tasks submitted to the doomed pool. */
const SUBMITTED = 4;

const executors: (ThreadPoolExecutor | ProcessPoolExecutor)[] = [];
afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.shutdown()));
  expect(findDescendants()).toEqual([]);
});

const cases = [
  { how: 'throws', initializer: initThrow, initargs: ['initializer refused'] },
  { how: 'calls process.exit(4)', initializer: initExit, initargs: [4] },
] as const;

describe.each(['thread', 'process'] as const)('%s pool initializer crash', (kind) => {
  const brokenName = kind === 'thread' ? 'BrokenThreadPool' : 'BrokenProcessPool';
  it.each(cases)('an initializer that $how breaks the pool and fails every future', async (c) => {
    const options = { maxWorkers: 2, initializer: c.initializer, initargs: [...c.initargs] };
    const executor =
      kind === 'thread' ? new ThreadPoolExecutor(options) : new ProcessPoolExecutor(options);
    executors.push(executor);
    const startedAt = performance.now();
    const futures = Array.from({ length: SUBMITTED }, (_, index) =>
      executor.submit(sleep, 5, index),
    );
    const outcomes = await Promise.all(
      futures.map((future) => settleWithin(future, SETTLE_BOUND_MS, startedAt)),
    );
    let refused: unknown;
    try {
      executor.submit(sleep, 1, 'late');
    } catch (error) {
      refused = error;
    }
    await executor.shutdown();
    const gone =
      kind === 'process'
        ? await waitUntil(() => findDescendants().length === 0, CHILDREN_GONE_WITHIN_MS)
        : executor.workerCount === 0;
    const pending = outcomes.filter((outcome) => outcome.kind === 'pending').length;
    const broken = outcomes.filter(
      (outcome) => outcome.kind === 'rejected' && outcome.error.name === brokenName,
    ).length;
    recordFigure({
      section: 'crash',
      subject: `${kind}: initializer ${c.how}`,
      values: {
        injected: 1,
        error: brokenName,
        settledMs: Math.max(...outcomes.map((outcome) => outcome.ms)),
        neighboursOk: `${broken}/${SUBMITTED} broken`,
        keptServing: 'refuses (broken)',
        leftBehind: kind === 'process' ? findDescendants().length : executor.workerCount,
        pending,
        ok: broken === SUBMITTED && gone && pending === 0,
      },
    });
    expect(pending).toBe(0);
    for (const outcome of outcomes) {
      expect(outcome.kind).toBe('rejected');
      if (outcome.kind === 'rejected') expectBroken(outcome.error, brokenName);
    }
    expect(executor.state).toBe('broken');
    expect(refused).toBeInstanceOf(Error);
    expectBroken(refused as Error, brokenName);
    expect(gone).toBe(true);
  });
});
