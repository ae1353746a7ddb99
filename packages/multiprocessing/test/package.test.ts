// The package loads and exposes its public entry point.
import { describe, expect, it } from 'vitest';

describe('@concur/multiprocessing', () => {
  it('imports', async () => {
    const module = await import('@concur/multiprocessing');
    expect(typeof module).toBe('object');
  });
});
