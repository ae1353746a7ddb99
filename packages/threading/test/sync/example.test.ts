// The README's sync-primitives example runs as a program and prints what the README shows.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { syncFixture } from './helpers/workers.js';

/** Kills the example if it hangs, so no child outlives the test (it takes well under 1 s). */
const EXAMPLE_TIMEOUT_MS = 20_000;

describe('README example', () => {
  it('four Threads deposit 1..1000 under a Lock: the balance is exact', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [fileURLToPath(syncFixture('deposit-example.mjs'))],
      { timeout: EXAMPLE_TIMEOUT_MS },
    );
    expect(stdout).toBe(
      'all 4 threads at the barrier\n' +
        'balance: 500500 (expected 500500)\n' +
        'queue empty: true, lock free: true\n',
    );
  });
});
