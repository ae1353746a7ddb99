// The package loads and exposes its public entry point.
import { describe, expect, it } from 'vitest';

describe('@concur/executors', () => {
  it('imports', async () => {
    const module = await import('@concur/executors');
    expect(typeof module).toBe('object');
  });
});
