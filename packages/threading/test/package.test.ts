// The package loads and exposes its public entry point.
import { describe, expect, it } from 'vitest';

describe('@concur/threading', () => {
  it('imports', async () => {
    const module = await import('@concur/threading');
    expect(typeof module).toBe('object');
  });
});
