// Inside one fresh measuring process: the sequential baseline for every workload of the
// group first, then each configuration in a seeded-random order.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoopbackServer, type LoopbackServer } from '@concur/core/workloads';
import { getStrategy } from '../strategies/registry.js';
import { createRandom, shuffle } from '../stats/random.js';
import { closeWarmPools, measureConfig } from './measure-config.js';
import type { StrategyInstance } from '../strategies/strategy.js';
import type { ConfigRound, ConfigSpec, GroupResult, GroupSpec } from './plan.js';
import { prepareWorkload, workloadKey, type PreparedWorkload } from './workloads.js';

interface Baseline {
  readonly jobsMs: number[];
  readonly checksum: number;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Measures every configuration of a group in this process.
 * @example
 * const result = await runGroup({ strategy: 'piscina', round: 0, seed: 1, configs });
 */
export async function runGroup(spec: GroupSpec): Promise<GroupResult> {
  const strategy = getStrategy(spec.strategy);
  const sequential = getStrategy('sequential');
  const random = createRandom(spec.seed);
  // What this process may run on: 1 when pinned to one CPU, whatever the machine has.
  const cpusAllowed = availableParallelism();
  const tmpDir = await mkdtemp(join(tmpdir(), 'concur-bench-'));
  let server: LoopbackServer | undefined;
  if (spec.configs.some((config) => config.workload.kind === 'http')) {
    server = await startLoopbackServer();
  }
  const context = { tmpDir, serverUrl: server?.url };
  const workloads = new Map<string, PreparedWorkload>();
  const baselines = new Map<string, Baseline>();
  const rounds: ConfigRound[] = [];
  const warmPools = new Map<number, Promise<StrategyInstance>>();
  try {
    for (const config of spec.configs) {
      const key = workloadKey(config.workload);
      if (!workloads.has(key)) workloads.set(key, await prepareWorkload(config.workload, context));
    }
    for (const key of shuffle([...workloads.keys()], random)) {
      const users = spec.configs.filter((c) => workloadKey(c.workload) === key);
      if (users.every((config) => config.baseline === false)) continue;
      const jobs = Math.max(...users.map((c) => c.jobs));
      const measured = await measureConfig({
        name: `sequential/${key}`,
        strategy: sequential,
        workers: 1,
        phase: 'warm',
        workload: workloads.get(key)!,
        jobs,
      });
      baselines.set(key, { jobsMs: measured.jobsMs, checksum: measured.checksum });
    }
    let order = 0;
    for (const config of shuffle(spec.configs, random)) {
      rounds.push(await measureOne(config, order++));
    }
  } finally {
    // Failures to close surface as the process's stderr; the samples are already recorded.
    for (const failure of await closeWarmPools(warmPools)) process.stderr.write(`${failure}\n`);
    await server?.close();
    await rm(tmpDir, { recursive: true, force: true });
  }
  return { strategy: spec.strategy, round: spec.round, pid: process.pid, rounds };

  async function measureOne(config: ConfigSpec, order: number): Promise<ConfigRound> {
    const key = workloadKey(config.workload);
    const baseline = baselines.get(key);
    const common = {
      id: config.id,
      round: spec.round,
      pid: process.pid,
      order,
      baselineMs: baseline?.jobsMs ?? [],
      cpusAllowed,
    };
    if (baseline !== undefined && config.strategy === 'sequential' && config.phase === 'warm') {
      // The baseline is this very measurement; measuring it twice would only cost time.
      return {
        ...common,
        jobsMs: baseline.jobsMs,
        warmupJobs: 0,
        cpuMsPerJob: 0,
        maxRssKb: process.resourceUsage().maxRSS,
        checksumOk: true,
      };
    }
    try {
      const measured = await measureConfig({
        name: config.id,
        strategy,
        workers: config.workers,
        phase: config.phase,
        workload: workloads.get(key)!,
        jobs: config.jobs,
        inFlight: config.inFlight,
        chunksize: config.chunksize,
        expectedChecksum: baseline?.checksum,
        warmPools,
      });
      return {
        ...common,
        jobsMs: measured.jobsMs,
        warmupJobs: measured.warmupJobs,
        cpuMsPerJob: measured.cpuMsPerJob,
        maxRssKb: process.resourceUsage().maxRSS,
        checksumOk: measured.checksumOk,
        ...(measured.closeError === undefined ? {} : { error: measured.closeError }),
      };
    } catch (error) {
      return {
        ...common,
        jobsMs: [],
        warmupJobs: 0,
        cpuMsPerJob: 0,
        maxRssKb: process.resourceUsage().maxRSS,
        checksumOk: false,
        error: describeError(error),
      };
    }
  }
}
