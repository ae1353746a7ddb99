// The package loads and exposes its public entry point.
import { describe, expect, it } from 'vitest';

describe('@concur/bench-runner', () => {
  it('imports', async () => {
    const module = await import('@concur/bench-runner');
    expect(typeof module).toBe('object');
  });
});
