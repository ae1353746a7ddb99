// Effective CPUs from cgroup quotas (v2 cpu.max, v1 cfs files), read from fixture trees.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  computeEffectiveCpus,
  deriveWorkerGrid,
  parseCpuMax,
  readCpuQuota,
} from '@concur/bench-runner';

const roots: string[] = [];
function fixture(files: Record<string, string>): string {
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

describe('effective CPUs', () => {
  it('parses cgroup v2 cpu.max', () => {
    expect(parseCpuMax('max 100000')).toBeUndefined();
    expect(parseCpuMax('200000 100000')).toBe(2);
    expect(parseCpuMax('150000 100000\n')).toBe(1.5);
  });

  it('reads v2, then v1, then reports no quota', () => {
    expect(readCpuQuota(fixture({ 'cpu.max': '300000 100000' }))).toEqual({
      source: 'cgroup-v2',
      cpus: 3,
    });
    expect(
      readCpuQuota(fixture({ 'cpu/cpu.cfs_quota_us': '50000', 'cpu/cpu.cfs_period_us': '100000' })),
    ).toEqual({ source: 'cgroup-v1', cpus: 0.5 });
    expect(
      readCpuQuota(fixture({ 'cpu/cpu.cfs_quota_us': '-1', 'cpu/cpu.cfs_period_us': '100000' })),
    ).toEqual({
      source: 'cgroup-v1',
      cpus: undefined,
    });
    expect(readCpuQuota(fixture({}))).toEqual({ source: 'none', cpus: undefined });
  });

  it('caps the affinity count by the floor of the quota, never below 1', () => {
    expect(computeEffectiveCpus(64, { source: 'cgroup-v2', cpus: 2.5 })).toBe(2);
    expect(computeEffectiveCpus(2, { source: 'cgroup-v2', cpus: 8 })).toBe(2);
    expect(computeEffectiveCpus(4, { source: 'cgroup-v1', cpus: 0.5 })).toBe(1);
    expect(computeEffectiveCpus(4, { source: 'none', cpus: undefined })).toBe(4);
  });

  it('derives worker grids from 1 to twice the effective CPUs', () => {
    expect(deriveWorkerGrid(2, 'quick')).toEqual([1, 2, 3, 4]);
    expect(deriveWorkerGrid(2, 'smoke')).toEqual([1, 2]);
    expect(deriveWorkerGrid(16, 'scaling')).toEqual([1, 2, 4, 8, 16, 24, 32]);
  });
});
