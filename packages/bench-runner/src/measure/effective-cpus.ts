// Effective CPUs: the affinity count capped by the cgroup CPU quota (v2 cpu.max, v1
// cfs_quota_us / cfs_period_us), since Node 20's availableParallelism() ignores quotas.
import { availableParallelism } from 'node:os';
import { readCgroupCpuQuota, type CpuQuota } from '@concur/core';

// The quota itself is read by core's `readCgroupCpuQuota`, the one cgroup reader of the
// workspace (its `cpuCount()` sizes the pools from the same numbers).
export { parseCpuMax, readCgroupCpuQuota as readCpuQuota } from '@concur/core';
export type { CpuQuota } from '@concur/core';

/**
 * min(affinity CPUs, floor(quota)), at least 1.
 * @example
 * computeEffectiveCpus(64, { source: 'cgroup-v2', cpus: 2.5 }); // 2
 */
export function computeEffectiveCpus(affinity: number, quota: CpuQuota): number {
  if (quota.cpus === undefined) return Math.max(1, affinity);
  return Math.max(1, Math.min(affinity, Math.floor(quota.cpus)));
}

/** The effective CPUs of this process. */
export function getEffectiveCpus(): number {
  return computeEffectiveCpus(availableParallelism(), readCgroupCpuQuota());
}
