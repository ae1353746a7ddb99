// cpuCount and readCpuQuota: cgroup v2 and v1 quotas, no quota, and the cap on the result.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuCount, readCpuQuota } from '@concur/core';
import { afterEach, describe, expect, it } from 'vitest';

const roots: string[] = [];
function cgroupRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cgroup-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('readCpuQuota', () => {
  it('reads a cgroup v2 quota, rounding up', () => {
    expect(readCpuQuota(cgroupRoot({ 'cpu.max': '150000 100000\n' }))).toBe(2);
    expect(readCpuQuota(cgroupRoot({ 'cpu.max': '50000 100000' }))).toBe(1);
  });

  it('reads no quota from cgroup v2 `max`', () => {
    expect(readCpuQuota(cgroupRoot({ 'cpu.max': 'max 100000' }))).toBeUndefined();
  });

  it('reads a cgroup v1 quota, and -1 as none', () => {
    const v1 = (quota: string) =>
      cgroupRoot({ 'cpu/cpu.cfs_quota_us': quota, 'cpu/cpu.cfs_period_us': '100000' });
    expect(readCpuQuota(v1('300000'))).toBe(3);
    expect(readCpuQuota(v1('-1'))).toBeUndefined();
  });

  it('reads nothing where there is no cgroup file system', () => {
    expect(readCpuQuota(cgroupRoot({}))).toBeUndefined();
  });
});

describe('cpuCount', () => {
  it('is a positive integer no larger than availableParallelism()', () => {
    const count = cpuCount();
    expect(Number.isInteger(count) && count >= 1).toBe(true);
    expect(count).toBeLessThanOrEqual(availableParallelism());
    const quota = readCpuQuota();
    if (quota !== undefined) expect(count).toBeLessThanOrEqual(quota);
  });
});
