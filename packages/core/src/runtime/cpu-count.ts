// `cpuCount()`: how many CPUs this process may really use, honouring a cgroup CPU quota
// (containers, CI runners) that `os.availableParallelism()` does not see.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

/** Where Linux mounts the cgroup file system. */
const CGROUP_ROOT = '/sys/fs/cgroup';

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** A cgroup CPU quota: where it was read and how many CPUs' worth of time it allows. */
export interface CpuQuota {
  readonly source: 'cgroup-v2' | 'cgroup-v1' | 'none';
  /** CPUs' worth of time per period (quota / period, may be fractional); `undefined` when unlimited. */
  readonly cpus: number | undefined;
}

/**
 * Parses cgroup v2 `cpu.max` (`"max 100000"` or `"200000 100000"`).
 * @returns CPUs' worth (may be fractional), or `undefined` for no limit or unreadable text.
 * @example
 * parseCpuMax('150000 100000'); // 1.5
 */
export function parseCpuMax(text: string): number | undefined {
  const [quota, period] = text.trim().split(/\s+/);
  return toCpus(quota, period ?? '100000');
}

/**
 * Reads this process's cgroup CPU quota exactly: cgroup v2 `cpu.max`, else cgroup v1
 * `cpu.cfs_quota_us` / `cpu.cfs_period_us` (under `cpu/` or `cpu,cpuacct/`; quota `-1`
 * means none).
 *
 * @param cgroupRoot - the cgroup mount point. @default '/sys/fs/cgroup'
 * @example
 * readCgroupCpuQuota(); // { source: 'cgroup-v2', cpus: 1.5 } in a container started with --cpus=1.5
 */
export function readCgroupCpuQuota(cgroupRoot: string = CGROUP_ROOT): CpuQuota {
  const v2 = readText(join(cgroupRoot, 'cpu.max'));
  if (v2 !== undefined) return { source: 'cgroup-v2', cpus: parseCpuMax(v2) };
  for (const controller of ['cpu', 'cpu,cpuacct']) {
    const quota = readText(join(cgroupRoot, controller, 'cpu.cfs_quota_us'));
    const period = readText(join(cgroupRoot, controller, 'cpu.cfs_period_us'));
    if (quota !== undefined && period !== undefined) {
      return { source: 'cgroup-v1', cpus: toCpus(quota, period) };
    }
  }
  return { source: 'none', cpus: undefined };
}

/**
 * Reads the cgroup CPU quota as a number of CPUs (rounded up, at least 1), or `undefined`
 * when there is none (see {@link readCgroupCpuQuota}).
 *
 * @param cgroupRoot - the cgroup mount point. @default '/sys/fs/cgroup'
 * @example
 * readCpuQuota(); // 2 in a container started with --cpus=1.5
 */
export function readCpuQuota(cgroupRoot: string = CGROUP_ROOT): number | undefined {
  const { cpus } = readCgroupCpuQuota(cgroupRoot);
  return cpus === undefined ? undefined : Math.max(1, Math.ceil(cpus));
}

function toCpus(quota: string | undefined, period: string | undefined): number | undefined {
  const quotaValue = Number(quota);
  const periodValue = Number(period);
  if (!(quotaValue > 0) || !(periodValue > 0)) return undefined; // 'max', -1, missing
  return quotaValue / periodValue;
}

/**
 * Returns the number of CPUs this process can use (Python's `multiprocessing.cpu_count()`,
 * made container-aware): `os.availableParallelism()`, capped by the cgroup CPU quota.
 *
 * @example
 * const pool = new Pool({ processes: cpuCount() });
 */
export function cpuCount(): number {
  const available = availableParallelism();
  const quota = readCpuQuota();
  return quota === undefined ? available : Math.min(available, quota);
}
