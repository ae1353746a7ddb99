// Effective CPUs: the affinity count capped by the cgroup CPU quota (v2 cpu.max, v1
// cfs_quota_us / cfs_period_us), since Node 20's availableParallelism() ignores quotas.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** A cgroup CPU quota: how many CPUs' worth of time per period, or none. */
export interface CpuQuota {
  readonly source: 'cgroup-v2' | 'cgroup-v1' | 'none';
  /** CPUs' worth of time (quota / period), `undefined` when unlimited. */
  readonly cpus: number | undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Parses cgroup v2 `cpu.max` ("max 100000" or "200000 100000").
 * @returns CPUs' worth, or `undefined` for no limit or unreadable text.
 * @example
 * parseCpuMax('200000 100000'); // 2
 */
export function parseCpuMax(text: string): number | undefined {
  const [quota, period] = text.split(/\s+/);
  if (quota === undefined || quota === 'max') return undefined;
  const q = Number(quota);
  const p = Number(period ?? 100_000);
  return q > 0 && p > 0 ? q / p : undefined;
}

/** Reads the CPU quota of this process's cgroup. */
export function readCpuQuota(root = '/sys/fs/cgroup'): CpuQuota {
  const v2 = readText(`${root}/cpu.max`);
  if (v2 !== undefined) return { source: 'cgroup-v2', cpus: parseCpuMax(v2) };
  const quota =
    readText(`${root}/cpu/cpu.cfs_quota_us`) ?? readText(`${root}/cpu,cpuacct/cpu.cfs_quota_us`);
  const period =
    readText(`${root}/cpu/cpu.cfs_period_us`) ?? readText(`${root}/cpu,cpuacct/cpu.cfs_period_us`);
  if (quota !== undefined && period !== undefined) {
    const q = Number(quota);
    return { source: 'cgroup-v1', cpus: q > 0 ? q / Number(period) : undefined };
  }
  return { source: 'none', cpus: undefined };
}

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
  return computeEffectiveCpus(availableParallelism(), readCpuQuota());
}
