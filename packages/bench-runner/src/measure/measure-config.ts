// Measures one configuration with tinybench: exactly `jobs` timed jobs, no tinybench warm-up
// (ours runs right before measuring: warm jobs on the pool, or one untimed cold job), the
// pool built in beforeAll, chronological samples kept here and fed back as
// overriddenDuration so tinybench's statistics agree with ours.
import { Bench } from 'tinybench';
import { runJob, type DriveOptions, type Job } from '../strategies/run-job.js';
import type { Strategy, StrategyInstance } from '../strategies/strategy.js';
import { checksumResults } from './checksum.js';
import { CLOSE_TIMEOUT_MS, JOB_TIMEOUT_MS, withTimeLimit } from './time-limit.js';
import type { Phase } from './plan.js';
import type { PreparedWorkload } from './workloads.js';

/** Warm-up stops once two consecutive jobs are within this fraction of each other. */
const WARMUP_STABLE_WITHIN = 0.1;
/** Untimed warm-up jobs at least (two: every worker has run the task at least once). */
const WARMUP_MIN_JOBS = 2;
/**
 * Untimed warm-up tasks at least, however stable the jobs look, for jobs of many tasks
 * (dispatch-bound ones): the JIT tiers up a pool's dispatch path only after a few thousand
 * dispatches (here concur's threads after about 4,000 sequential round trips, its processes
 * after about 4,500), and two jobs of still-unoptimized code can agree within 10%.
 */
export const WARMUP_MIN_TASKS = 5000;
/** The task minimum gives way after this much warm-up wall time (a slow machine). */
const WARMUP_TASKS_BUDGET_MS = 1000;
/** Untimed warm-up jobs at most, however unstable the machine. */
const WARMUP_MAX_JOBS = 64;
/** Warm-up stops after this much wall time even if unstable, so smoke runs stay short. */
const WARMUP_BUDGET_MS = 1500;
/**
 * Untimed cold jobs (create, run, close) before a cold or first-result configuration's
 * samples. The first pool of a measuring process also imports its library (150 ms for
 * @concur/executors, 10 ms for tinypool here) and compiles its code for the first time;
 * without this, only the sample that the random order happened to put first paid for it.
 */
const COLD_WARMUP_JOBS = 1;

/** What measuring a configuration gives. */
export interface Measurement {
  readonly jobsMs: number[];
  readonly warmupJobs: number;
  readonly cpuMsPerJob: number;
  readonly checksumOk: boolean;
  /** Why the warm pool failed to close after its samples were taken, if it did. */
  readonly closeError?: string;
}

/** What to measure. */
export interface MeasureRequest extends DriveOptions {
  readonly name: string;
  readonly strategy: Strategy;
  readonly workers: number;
  readonly phase: Phase;
  readonly workload: PreparedWorkload;
  readonly jobs: number;
  /**
   * Warm pools of this process by worker count, shared by the warm configurations of one
   * strategy (each still warms up before measuring); absent: a pool per configuration.
   */
  readonly warmPools?: Map<number, Promise<StrategyInstance>>;
  /** The sequential checksum the results must match; absent: this is the baseline. */
  readonly expectedChecksum?: number;
}

function timedJob(instance: StrategyInstance, job: Job, options: DriveOptions): Promise<unknown[]> {
  return withTimeLimit(runJob(instance, job, options), JOB_TIMEOUT_MS, 'a job');
}

function closeInTime(instance: StrategyInstance): Promise<void> {
  return withTimeLimit(instance.close(), CLOSE_TIMEOUT_MS, 'closing the pool');
}

async function getWarmPool(request: MeasureRequest): Promise<StrategyInstance> {
  const { warmPools, strategy, workers } = request;
  if (warmPools === undefined) return strategy.create(workers);
  let pool = warmPools.get(workers);
  if (pool === undefined) {
    pool = strategy.create(workers);
    warmPools.set(workers, pool);
    pool.catch(() => warmPools.delete(workers));
  }
  return pool;
}

/** Closes every shared warm pool, each within the time limit; returns the failures. */
export async function closeWarmPools(
  warmPools: Map<number, Promise<StrategyInstance>>,
): Promise<string[]> {
  const pools = [...warmPools.values()];
  warmPools.clear();
  const outcomes = await Promise.allSettled(pools.map(async (pool) => closeInTime(await pool)));
  return outcomes.flatMap((outcome) =>
    outcome.status === 'rejected' ? [String(outcome.reason)] : [],
  );
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function coldWarmUp(request: MeasureRequest): Promise<number> {
  for (let count = 0; count < COLD_WARMUP_JOBS; count++) {
    const fresh = await request.strategy.create(request.workers);
    try {
      await timedJob(fresh, request.workload.createJob(), request);
    } finally {
      await closeInTime(fresh);
    }
  }
  return COLD_WARMUP_JOBS;
}

async function warmUp(instance: StrategyInstance, request: MeasureRequest): Promise<number> {
  const started = process.hrtime.bigint();
  let previous = Number.NaN;
  let count = 0;
  let tasks = 0;
  while (count < WARMUP_MAX_JOBS) {
    const job = request.workload.createJob();
    const start = process.hrtime.bigint();
    await timedJob(instance, job, request);
    const ms = elapsedMs(start);
    count++;
    tasks += job.argsList.length;
    const elapsed = elapsedMs(started);
    const stable = Math.abs(ms - previous) <= WARMUP_STABLE_WITHIN * Math.max(ms, previous);
    // Jobs of a few long tasks (CPU-bound ones) could never reach the minimum and are not
    // dominated by dispatch code: for them two agreeing jobs are enough.
    const fewTasks = job.argsList.length * WARMUP_MAX_JOBS < WARMUP_MIN_TASKS;
    const enoughTasks = fewTasks || tasks >= WARMUP_MIN_TASKS || elapsed > WARMUP_TASKS_BUDGET_MS;
    if (count >= WARMUP_MIN_JOBS && ((stable && enoughTasks) || elapsed > WARMUP_BUDGET_MS)) {
      break;
    }
    previous = ms;
  }
  return count;
}

/**
 * Measures one configuration and returns its chronological job times.
 * @throws whatever creating the pool or a task throws.
 */
export async function measureConfig(
  request: MeasureRequest,
): Promise<Measurement & { checksum: number }> {
  const { strategy, workers, phase, workload, jobs } = request;
  const jobsMs: number[] = [];
  let instance: StrategyInstance | undefined;
  let warmupJobs = 0;
  let checksum: number | undefined;
  let checksumOk = true;
  let closeError: string | undefined;
  const check = (results: unknown[]): void => {
    const sum = checksumResults(results);
    checksum ??= sum;
    if (sum !== (request.expectedChecksum ?? checksum)) checksumOk = false;
  };
  const bench = new Bench({
    name: request.name,
    timestampProvider: 'hrtimeNow',
    warmup: false,
    time: 0,
    iterations: jobs,
    retainSamples: true,
    throws: true,
  });
  let cpuStart: NodeJS.CpuUsage | undefined;
  bench.add(
    request.name,
    async () => {
      const job = workload.createJob();
      const start = process.hrtime.bigint();
      if (phase === 'warm') {
        const results = await timedJob(instance!, job, request);
        const ms = elapsedMs(start);
        jobsMs.push(ms);
        check(results);
        return { overriddenDuration: ms };
      }
      const fresh = await strategy.create(workers);
      let results: unknown[];
      let ms: number | undefined;
      try {
        results = await timedJob(fresh, job, request);
        if (phase === 'first-result') ms = elapsedMs(start);
      } finally {
        await closeInTime(fresh);
      }
      ms ??= elapsedMs(start);
      jobsMs.push(ms);
      check(results);
      return { overriddenDuration: ms };
    },
    {
      async: true,
      beforeAll: async () => {
        if (phase === 'warm') {
          instance = await getWarmPool(request);
          warmupJobs = await warmUp(instance, request);
        } else {
          warmupJobs = await coldWarmUp(request);
        }
        cpuStart = process.cpuUsage();
      },
      afterAll: async () => {
        const open = request.warmPools === undefined ? instance : undefined;
        instance = undefined;
        // The samples are already taken: a pool that fails to close is reported, not discarded.
        if (open !== undefined) closeError = await closeInTime(open).then(() => undefined, String);
      },
    },
  );
  try {
    await bench.run();
  } catch (error) {
    // A pool that failed a job may be broken: never hand it to the next configuration.
    request.warmPools?.delete(workers);
    throw error;
  } finally {
    if (instance !== undefined)
      closeError = await closeInTime(instance).then(() => undefined, String);
  }
  const cpu = process.cpuUsage(cpuStart);
  return {
    jobsMs,
    warmupJobs,
    cpuMsPerJob: (cpu.user + cpu.system) / 1000 / Math.max(1, jobsMs.length),
    checksumOk,
    checksum: checksum ?? 0,
    closeError,
  };
}
