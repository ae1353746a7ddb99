// ExitLatch: a worker's exit is recorded once; everyone waiting, before or after, gets it.
import { describe, expect, it } from 'vitest';
import { ExitLatch } from '@concur/core';

describe('ExitLatch', () => {
  it('resolves waiters from before and after, with the first exit recorded', async () => {
    const latch = new ExitLatch();
    expect(latch.exit).toBeUndefined();
    const early = latch.wait();
    expect(latch.settle({ exitCode: 3, signal: null })).toBe(true);
    expect(latch.settle({ exitCode: null, signal: 'SIGKILL' })).toBe(false);
    expect(latch.exit).toEqual({ exitCode: 3, signal: null });
    expect(await early).toEqual({ exitCode: 3, signal: null });
    expect(await latch.wait()).toEqual({ exitCode: 3, signal: null });
  });

  it('waitFor gives undefined when the time passes first, and the exit when it comes first', async () => {
    const latch = new ExitLatch();
    expect(await latch.waitFor(10)).toBeUndefined();
    const waiting = latch.waitFor(10_000);
    latch.settle({ exitCode: null, signal: 'SIGTERM' });
    expect(await waiting).toEqual({ exitCode: null, signal: 'SIGTERM' });
    expect(await latch.waitFor(0)).toEqual({ exitCode: null, signal: 'SIGTERM' });
  });
});
