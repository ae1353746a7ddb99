// Ctrl-C signals the whole process group: pool workers ignore that SIGINT (their parent shuts
// the pool down gracefully and decides when they end), while a plain Process still ends by it.
import { Pool, Process, createProcessWorkerHandle } from '@concur/multiprocessing';
import { afterEach, describe, expect, it } from 'vitest';
import { interruptSelf } from '../fixtures/pool-tasks.mjs';

const pools: Pool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) {
    pool.terminate();
    await pool.join();
  }
});

describe('SIGINT reaching a child', () => {
  it('leaves a pool worker running its task', async () => {
    const pool = new Pool({ processes: 1 });
    pools.push(pool);
    await expect(pool.apply(interruptSelf)).resolves.toBe('still running');
    expect(pool.pids).toHaveLength(1);
  });

  it('still ends a plain Process, as in Python (exit code -2)', async () => {
    const child = new Process({ target: interruptSelf });
    child.start();
    await child.join();
    expect(child.exitCode).toBe(-2);
  });
});

describe('createProcessWorkerHandle `ignoreInterrupt` option', () => {
  it('rejects a non-boolean with the option named', () => {
    expect(() => createProcessWorkerHandle({ name: 'x', ignoreInterrupt: 'yes' as never })).toThrow(
      'Expected the `ignoreInterrupt` option to be a boolean, got `"yes"` (string).',
    );
  });

  // Regression (found by the reliability suite's fast-check properties): null was taken as
  // "not given" instead of being refused.
  it('rejects null rather than treating it as the default', () => {
    expect(() => createProcessWorkerHandle({ name: 'x', ignoreInterrupt: null as never })).toThrow(
      'Expected the `ignoreInterrupt` option to be a boolean, got `null`',
    );
  });
});
