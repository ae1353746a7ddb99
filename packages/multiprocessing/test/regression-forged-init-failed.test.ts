// Regression found by the reliability suite: an `init-failed` message from a Pool worker that
// was already running killed that worker (and failed its task). Only a starting worker may
// report its initializer.
import { describe, expect, it } from 'vitest';
import { Pool } from '@concur/multiprocessing';
import { forgeInitFailed } from './fixtures/forge-init-failed.mjs';
import { square } from './fixtures/pool-tasks.mjs';

describe('Pool and a late init-failed message', () => {
  it('keeps the worker and its task', async () => {
    const pool = new Pool({ processes: 1 });
    try {
      expect(await pool.apply(forgeInitFailed)).toBe('real');
      expect(await pool.apply(square, [4])).toBe(16);
    } finally {
      pool.terminate();
      await pool.join();
    }
  });
});
