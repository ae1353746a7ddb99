// Process lifetime: an awaitable wait keeps the process alive until it ends (as a waiting
// Python thread would), and a shared Barrier's action server never does.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { syncFixture } from './helpers/workers.js';

/** Kills a fixture program that hangs, so no child outlives the test. */
const PROGRAM_TIMEOUT_MS = 20_000;

function runProgram(name: string): Promise<{ stdout: string }> {
  return promisify(execFile)(process.execPath, [fileURLToPath(syncFixture(name))], {
    timeout: PROGRAM_TIMEOUT_MS,
  });
}

describe('process lifetime', () => {
  it('stays alive while an awaitable wait is pending, then exits normally', async () => {
    // Without the keep-alive, Node would exit at once with code 13 (unsettled top-level await).
    expect((await runProgram('wait-at-top-level.mjs')).stdout).toBe('set: false\n');
  });

  it('exits when the main module ends although a shared Barrier could still need its action', async () => {
    const started = performance.now();
    expect((await runProgram('share-barrier-then-exit.mjs')).stdout).toBe('shared\n');
    expect(performance.now() - started).toBeLessThan(PROGRAM_TIMEOUT_MS);
  });
});
