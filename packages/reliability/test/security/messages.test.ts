// Messages of unknown shape from a worker are rejected and logged, never acted on; well-formed
// messages that do not fit the conversation (another task's result, a late `init-failed`)
// are not acted on either: the pool keeps serving and no future gets a forged value.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProcessPoolExecutor, ThreadPoolExecutor } from '@concur/executors';
import { Pool } from '@concur/multiprocessing';
import { recordFigure } from '../../src/figures/record-figure.js';
import { MALFORMED, forge } from '../fixtures/forge-messages.mjs';
import { square } from '../fixtures/echo.mjs';
import { sleep } from '../fixtures/sleep.mjs';
import { settleWithin } from '../helpers/settle.js';
import { SETTLE_BOUND_MS } from '../helpers/crash-scenario.js';

const executors: (ThreadPoolExecutor | ProcessPoolExecutor)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(executors.splice(0).map((executor) => executor.shutdown()));
});

describe.each(['thread', 'process'] as const)('%s worker sending messages of its own', (kind) => {
  function createExecutor() {
    const executor =
      kind === 'thread'
        ? new ThreadPoolExecutor({ maxWorkers: 1 })
        : new ProcessPoolExecutor({ maxWorkers: 1 });
    executors.push(executor);
    return executor;
  }

  it('logs every malformed message and acts on none', async () => {
    const logged: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: any, ...rest: any[]) => {
      if (String(chunk).includes('unknown shape')) logged.push(String(chunk));
      return write(chunk, ...rest);
    });
    const executor = createExecutor();
    const outcome = await settleWithin(executor.submit(forge, 'malformed'), SETTLE_BOUND_MS);
    const after = await settleWithin(executor.submit(square, 5), SETTLE_BOUND_MS);
    recordFigure({
      section: 'security',
      subject: `${kind}: ${MALFORMED.length} malformed messages from a worker`,
      values: {
        logged: logged.length,
        actedOn: outcome.kind === 'fulfilled' && outcome.value === 'real' ? 0 : 1,
        keptServing: after.kind === 'fulfilled' && after.value === 25,
        ok: logged.length === MALFORMED.length && outcome.kind === 'fulfilled',
      },
    });
    expect(outcome).toMatchObject({ kind: 'fulfilled', value: 'real' });
    expect(after).toMatchObject({ kind: 'fulfilled', value: 25 });
    expect(logged).toHaveLength(MALFORMED.length);
  });

  it('acts on no well-formed message that does not fit (another id, late ready or init-failed)', async () => {
    const executor = createExecutor();
    const queued = executor.submit(sleep, 30, 'queued');
    const outcome = await settleWithin(executor.submit(forge, 'misplaced'), SETTLE_BOUND_MS);
    const after = await settleWithin(executor.submit(square, 6), SETTLE_BOUND_MS);
    const neighbour = await settleWithin(queued, SETTLE_BOUND_MS);
    const ok =
      outcome.kind === 'fulfilled' &&
      outcome.value === 'real' &&
      after.kind === 'fulfilled' &&
      executor.state === 'running';
    recordFigure({
      section: 'security',
      subject: `${kind}: misplaced well-formed messages from a worker`,
      values: {
        actedOn: ok ? 0 : 1,
        keptServing: after.kind === 'fulfilled' && after.value === 36,
        ok,
      },
    });
    expect(neighbour).toMatchObject({ kind: 'fulfilled', value: 'queued' });
    expect(outcome).toMatchObject({ kind: 'fulfilled', value: 'real' });
    expect(executor.state).toBe('running');
    expect(after).toMatchObject({ kind: 'fulfilled', value: 36 });
  });
});

describe('multiprocessing Pool worker sending messages of its own', () => {
  it('acts on no well-formed message that does not fit (another id, late ready or init-failed)', async () => {
    const pool = new Pool({ processes: 1 });
    try {
      const forged = await pool.apply(forge, ['misplaced']);
      const after = await pool.apply(square, [7]);
      recordFigure({
        section: 'security',
        subject: 'Pool: misplaced well-formed messages from a worker',
        values: {
          actedOn: forged === 'real' && after === 49 ? 0 : 1,
          keptServing: after === 49,
          ok: true,
        },
      });
      expect(forged).toBe('real');
      expect(after).toBe(49);
    } finally {
      pool.terminate();
      await pool.join();
    }
  });
});
