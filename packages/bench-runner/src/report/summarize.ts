// Turns raw per-round measurements into each configuration's figures: median job time,
// throughput, paired speedup with its bootstrap interval, efficiency, Karp–Flatt, warnings.
import { measureKey, type ConfigRound, type ConfigSpec } from '../measure/plan.js';
import { estimateRatio, pairRatios } from '../stats/bootstrap.js';
import { deriveSeed } from '../stats/random.js';
import { efficiency, karpFlatt } from '../stats/scaling.js';
import { describeSpread, median } from '../stats/summary.js';
import type { ConfigSummary } from './schema.js';

/** Above this coefficient of variation across rounds a result is flagged unstable. */
const UNSTABLE_CV = 0.1;
/** Workloads that keep a CPU busy, where more workers than CPUs is oversubscription. */
const CPU_BOUND_KINDS = new Set(['spin', 'cpu-task', 'custom']);
/** Jobs shorter than this are dominated by timer and dispatch overhead. */
const SHORT_JOB_MS = 1;

/**
 * Summarizes one configuration from the rounds measured for it.
 * @param effectiveCpus - marks worker counts above it as oversubscribed.
 */
export function summarizeConfig(
  config: ConfigSpec,
  rounds: readonly ConfigRound[],
  effectiveCpus: number,
  totalRounds: number,
  seed: number,
): ConfigSummary {
  const key = measureKey(config);
  const mine = rounds.filter((round) => round.id === key);
  const roundMs = Array.from({ length: totalRounds }, (_, r) => {
    const jobs = mine.find((round) => round.round === r)?.jobsMs ?? [];
    return jobs.length > 0 ? median(jobs) : undefined;
  });
  const baselineMs = Array.from({ length: totalRounds }, (_, r) => {
    const jobs = mine.find((round) => round.round === r)?.baselineMs ?? [];
    return jobs.length > 0 ? median(jobs) : undefined;
  });
  const present = roundMs.filter((ms): ms is number => ms !== undefined);
  const spread = present.length > 0 ? describeSpread(present) : undefined;
  const ratios = config.strategy === 'sequential' ? [] : pairRatios(baselineMs, roundMs);
  const speedup =
    ratios.length > 0 ? estimateRatio(ratios, deriveSeed(seed, config.id)) : undefined;
  const warnings: string[] = [];
  const errors = [...new Set(mine.flatMap((round) => (round.error ? [round.error] : [])))];
  const checksumOk = mine.length > 0 && mine.every((round) => round.checksumOk);
  if (!checksumOk && errors.length === 0) warnings.push('results differ from sequential');
  if (mine.some((round) => round.error !== undefined && round.jobsMs.length > 0)) {
    warnings.push('measured, but the pool failed to close');
  }
  if (spread !== undefined && spread.cv > UNSTABLE_CV)
    warnings.push(`unstable (CV ${(spread.cv * 100).toFixed(0)}%)`);
  if (spread !== undefined && spread.median < SHORT_JOB_MS) warnings.push('job < 1 ms');
  const unpinned = Math.max(0, ...mine.map((round) => round.cpusAllowed ?? 0));
  if (config.cpus !== undefined && unpinned > config.cpus) {
    warnings.push(`not pinned: ran on ${unpinned} CPUs, not ${config.cpus}`);
  }
  // Oversubscription matters for CPU work only; I/O pools are meant to have many workers.
  const oversubscribed =
    CPU_BOUND_KINDS.has(config.workload.kind) &&
    config.workers > effectiveCpus &&
    config.strategy !== 'concur-event-loop';
  if (oversubscribed) warnings.push('oversubscribed');
  const present2 = (values: number[]): number | undefined =>
    values.length > 0 ? median(values) : undefined;
  return {
    id: config.id,
    scenario: config.scenario,
    strategy: config.strategy,
    workers: config.workers,
    phase: config.phase,
    oversubscribed,
    workloadKind: config.workload.kind,
    tasks: config.workload.tasks,
    inFlight: config.inFlight,
    ...(config.cpus === undefined ? {} : { cpus: config.cpus }),
    chunksize: config.chunksize,
    x: config.x,
    series: config.series,
    rounds: present.length,
    medianJobMs: spread?.median,
    iqrJobMs: spread === undefined ? undefined : [spread.p25, spread.p75],
    throughputPerS:
      spread === undefined ? undefined : (config.workload.tasks / spread.median) * 1000,
    roundMs,
    baselineMedianMs: present2(baselineMs.filter((ms): ms is number => ms !== undefined)),
    roundRatios: ratios,
    speedup,
    efficiency: speedup === undefined ? undefined : efficiency(speedup.median, config.workers),
    karpFlatt: speedup === undefined ? undefined : karpFlatt(speedup.median, config.workers),
    cpuMsPerJob: present2(mine.filter((r) => r.jobsMs.length > 0).map((r) => r.cpuMsPerJob)),
    maxRssMb: mine.length > 0 ? Math.max(...mine.map((r) => r.maxRssKb)) / 1024 : undefined,
    warmupJobs: present2(mine.filter((r) => r.jobsMs.length > 0).map((r) => r.warmupJobs)),
    checksumOk,
    errors,
    warnings,
  };
}
