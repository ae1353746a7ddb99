// cpuCount() and the cgroup readers live in @concur/core (the executors size their pools with
// them without loading this package); this package still exports them, as Python's
// multiprocessing.cpu_count() is where users look.
import * as core from '@concur/core';
import * as multiprocessing from '@concur/multiprocessing';
import { describe, expect, it } from 'vitest';

describe('cpuCount export', () => {
  it('is core’s implementation, under the same names', () => {
    for (const name of ['cpuCount', 'readCpuQuota', 'readCgroupCpuQuota', 'parseCpuMax'] as const) {
      expect(multiprocessing[name]).toBe(core[name]);
    }
    expect(multiprocessing.cpuCount()).toBeGreaterThanOrEqual(1);
  });
});
