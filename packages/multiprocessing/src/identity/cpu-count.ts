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

/**
 * Reads the cgroup CPU quota as a number of CPUs (rounded up), or `undefined` when there is
 * none: cgroup v2 `cpu.max` (`"<quota> <period>"` or `"max <period>"`), else cgroup v1
 * `cpu/cpu.cfs_quota_us` / `cpu/cpu.cfs_period_us` (quota `-1` means none).
 *
 * @param cgroupRoot - the cgroup mount point. @default '/sys/fs/cgroup'
 * @example
 * readCpuQuota(); // 2 in a container started with --cpus=1.5
 */
export function readCpuQuota(cgroupRoot: string = CGROUP_ROOT): number | undefined {
  const v2 = readText(join(cgroupRoot, 'cpu.max'));
  if (v2 !== undefined) {
    const [quota, period] = v2.split(/\s+/);
    return toCpus(quota, period);
  }
  const quota = readText(join(cgroupRoot, 'cpu', 'cpu.cfs_quota_us'));
  const period = readText(join(cgroupRoot, 'cpu', 'cpu.cfs_period_us'));
  return toCpus(quota, period);
}

function toCpus(quota: string | undefined, period: string | undefined): number | undefined {
  const quotaValue = Number(quota);
  const periodValue = Number(period);
  if (!(quotaValue > 0) || !(periodValue > 0)) return undefined; // 'max', -1, missing
  return Math.max(1, Math.ceil(quotaValue / periodValue));
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
