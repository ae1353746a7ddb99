// How many CPUs this process may really use: os.availableParallelism(), lowered by a
// cgroup v2 CPU quota (containers), which Node 20 does not take into account.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Where cgroup v2 publishes this process's CPU quota (`<quota> <period>` or `max <period>`). */
const CGROUP_CPU_MAX_PATH = '/sys/fs/cgroup/cpu.max';

let cached: number | undefined;

/**
 * Returns the number of CPUs this process can use: the smaller of
 * `os.availableParallelism()` and the cgroup quota rounded up, and at least 1.
 * Read once and cached.
 *
 * @example
 * getUsableCpuCount(); // 2 in a container limited to 1.5 CPUs on a 16-core host
 */
export function getUsableCpuCount(): number {
  cached ??= Math.max(1, Math.min(availableParallelism(), readCgroupQuota() ?? Infinity));
  return cached;
}

function readCgroupQuota(): number | undefined {
  let text: string;
  try {
    text = readFileSync(CGROUP_CPU_MAX_PATH, 'utf8');
  } catch {
    return undefined;
  }
  const [quota, period] = text.trim().split(/\s+/);
  if (quota === undefined || quota === 'max' || period === undefined) return undefined;
  const cpus = Number(quota) / Number(period);
  return Number.isFinite(cpus) && cpus > 0 ? Math.ceil(cpus) : undefined;
}
