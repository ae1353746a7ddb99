// The pools' default size is the usable CPU count (cgroup-aware), and workers start lazily.
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { cpuCount } from '@concur/multiprocessing';
import { ProcessPoolExecutor, ThreadPoolExecutor, getUsableCpuCount } from '@concur/executors';

const executors: { shutdown(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(executors.splice(0).map((e) => e.shutdown()));
});

describe('default maxWorkers', () => {
  it('is the cgroup-aware CPU count, never above availableParallelism', () => {
    expect(getUsableCpuCount()).toBe(cpuCount());
    expect(getUsableCpuCount()).toBeGreaterThanOrEqual(1);
    expect(getUsableCpuCount()).toBeLessThanOrEqual(availableParallelism());
  });

  it('sizes both pools, which start no worker until work arrives', () => {
    const threads = new ThreadPoolExecutor();
    const processes = new ProcessPoolExecutor();
    executors.push(threads, processes);
    expect(threads.maxWorkers).toBe(getUsableCpuCount());
    expect(processes.maxWorkers).toBe(getUsableCpuCount());
    expect(threads.workerCount).toBe(0);
    expect(processes.workerCount).toBe(0);
  });
});
