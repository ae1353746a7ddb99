// How many CPUs the pools use by default: core's container-aware cpuCount()
// (os.availableParallelism() capped by the cgroup CPU quota), read once.
import { cpuCount } from '@concur/core';

let cached: number | undefined;

/**
 * Returns the number of CPUs this process can use: `os.availableParallelism()`, capped by
 * the cgroup CPU quota (cgroup v2 `cpu.max` or v1 CFS quota), at least 1. Read once and
 * cached; both pools default `maxWorkers` to it.
 *
 * @example
 * getUsableCpuCount(); // 2 in a container limited to 1.5 CPUs on a 16-core host
 */
export function getUsableCpuCount(): number {
  cached ??= Math.max(1, cpuCount());
  return cached;
}
