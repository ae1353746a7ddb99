// The plan a measuring process receives and the raw results it sends back: plain JSON, so
// it crosses the process boundary and lands unchanged in the report.

/** The work one job does, described so any process can rebuild it. */
export type WorkloadSpec =
  | { readonly kind: 'cpu-task'; readonly tasks: number; readonly iterations: number }
  | { readonly kind: 'spin'; readonly tasks: number; readonly iterations: number }
  | { readonly kind: 'noop'; readonly tasks: number }
  | { readonly kind: 'square'; readonly tasks: number; readonly delayMs: number }
  | { readonly kind: 'sleep'; readonly tasks: number; readonly delayMs: number }
  | { readonly kind: 'file'; readonly tasks: number; readonly bytes: number }
  | {
      readonly kind: 'http';
      readonly tasks: number;
      readonly delayMs: number;
      readonly bytes: number;
    }
  | {
      readonly kind: 'payload';
      readonly tasks: number;
      readonly bytes: number;
      readonly transfer: boolean;
    }
  | {
      readonly kind: 'custom';
      readonly tasks: number;
      readonly moduleUrl: string;
      readonly exportName: string;
    };

/**
 * How a configuration is timed. `cold`: create the pool, run one job, close it (what the
 * tutorial timed). `first-result`: create and run one job; closing is not timed. Both
 * after one untimed cold job in the same process (the library is imported by then).
 * `warm`: steady state after untimed warm-up jobs that touch every worker.
 */
export type Phase = 'cold' | 'first-result' | 'warm';

/** One thing to measure: a strategy at a worker count running a workload. */
export interface ConfigSpec {
  /** Unique across the run: `<scenario>/<strategy>/<details>`. */
  readonly id: string;
  readonly scenario: string;
  readonly strategy: string;
  readonly workers: number;
  readonly phase: Phase;
  readonly workload: WorkloadSpec;
  /** Timed jobs per round (tinybench iterations). */
  readonly jobs: number;
  /** At most this many tasks outstanding; absent: submit the whole job at once. */
  readonly inFlight?: number;
  /**
   * Use the strategy's `map` with this chunksize instead of one submit per task; `'auto'`:
   * its `map` over a generator of the argument lists with no chunksize (the pool picks).
   */
  readonly chunksize?: number | 'auto';
  /**
   * Whether to measure a same-process sequential baseline for this workload.
   * @default true (I/O scenarios compare throughput instead: a sequential I/O job is long)
   */
  readonly baseline?: boolean;
  /**
   * Pin the measuring process, every thread of it, to this many CPUs (Linux `taskset`).
   * `1` times dispatch itself: on a VM, waking a thread on another, idle vCPU costs tens of
   * microseconds and varies by placement, which swamps a round trip's software cost.
   * @default not pinned
   */
  readonly cpus?: number;
  /** The chart's x value (workers, duration in µs, in-flight limit, bytes...). */
  readonly x?: number;
  /** The chart series this point belongs to. */
  readonly series?: string;
}

/** What the orchestrator hands one fresh measuring process. */
export interface GroupSpec {
  readonly strategy: string;
  readonly round: number;
  readonly seed: number;
  /** The CPUs the process is pinned to (its configurations' `cpus`); absent: not pinned. */
  readonly cpus?: number;
  readonly configs: readonly ConfigSpec[];
}

/** One configuration's measurement in one round. */
export interface ConfigRound {
  readonly id: string;
  readonly round: number;
  readonly pid: number;
  /** Position in the process's shuffled order. */
  readonly order: number;
  /** Chronological job wall times, ms. */
  readonly jobsMs: readonly number[];
  /** The same-process sequential baseline's job times for this workload, ms. */
  readonly baselineMs: readonly number[];
  readonly warmupJobs: number;
  /** The CPUs the measuring process could run on (`os.availableParallelism()`). */
  readonly cpusAllowed?: number;
  /** Process CPU time (all threads) per timed job, ms; children's CPU is not included. */
  readonly cpuMsPerJob: number;
  readonly maxRssKb: number;
  /** Whether every job's results matched the sequential baseline's checksum. */
  readonly checksumOk: boolean;
  readonly error?: string;
}

/** What a measuring process sends back. */
export interface GroupResult {
  readonly strategy: string;
  readonly round: number;
  readonly pid: number;
  readonly rounds: readonly ConfigRound[];
}

/**
 * What makes two configurations the same measurement (everything but id, scenario and chart
 * placement), so scenarios that share a configuration measure it once.
 */
export function measureKey(config: ConfigSpec): string {
  const { strategy, workers, phase, workload, jobs, inFlight, chunksize, baseline, cpus } = config;
  return JSON.stringify([
    strategy,
    workers,
    phase,
    workload,
    jobs,
    inFlight ?? null,
    chunksize ?? null,
    baseline ?? true,
    ...(cpus === undefined ? [] : [cpus]),
  ]);
}
