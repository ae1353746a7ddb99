// The JSON report, the source of truth: raw per-round measurements plus everything needed
// to recompute the summaries, so reports re-render without measuring again.
import type { Calibration } from '../measure/child-protocol.js';
import type { Environment } from '../measure/environment.js';
import type { ConfigRound, ConfigSpec } from '../measure/plan.js';
import type { ScenarioView } from '../scenarios/scenario.js';
import type { RatioEstimate } from '../stats/bootstrap.js';

/** The schema tag; bump on incompatible changes. */
export const REPORT_SCHEMA = 'concur-bench/v1';

/** A scenario as recorded in the report. */
export interface ScenarioRecord {
  readonly id: string;
  readonly title: string;
  readonly question: string;
  readonly view: ScenarioView;
}

/** A strategy as recorded in the report. */
export interface StrategyRecord {
  readonly name: string;
  readonly label: string;
  readonly model: string;
  readonly origin: string;
}

/** One configuration's figures, derived from its rounds. */
export interface ConfigSummary {
  readonly id: string;
  readonly scenario: string;
  readonly strategy: string;
  readonly workers: number;
  readonly phase: ConfigSpec['phase'];
  readonly oversubscribed: boolean;
  /** The workload's kind (`spin`, `noop`, `sleep`...). */
  readonly workloadKind: string;
  readonly tasks: number;
  readonly inFlight: number | undefined;
  /** The CPUs the measuring process was pinned to; undefined when it was not pinned. */
  readonly cpus?: number;
  /** `'auto'`: a map over a generator with no chunksize. */
  readonly chunksize: number | 'auto' | undefined;
  readonly x: number | undefined;
  readonly series: string | undefined;
  /** Rounds that produced job times. */
  readonly rounds: number;
  /** Median over rounds of each round's median job time, ms; undefined when none. */
  readonly medianJobMs: number | undefined;
  readonly iqrJobMs: readonly [number, number] | undefined;
  /** Tasks per second at the median job time. */
  readonly throughputPerS: number | undefined;
  /** Per-round job times (round medians), ms, for paired comparisons. */
  readonly roundMs: readonly (number | undefined)[];
  readonly baselineMedianMs: number | undefined;
  /** Per-round paired ratios baseline / this (the speedup samples). */
  readonly roundRatios: readonly number[];
  /** Speedup over the same-process sequential baseline. */
  readonly speedup: RatioEstimate | undefined;
  readonly efficiency: number | undefined;
  readonly karpFlatt: number | undefined;
  readonly cpuMsPerJob: number | undefined;
  readonly maxRssMb: number | undefined;
  readonly warmupJobs: number | undefined;
  readonly checksumOk: boolean;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

/** The whole report file. */
export interface BenchReport {
  readonly schema: typeof REPORT_SCHEMA;
  readonly createdAt: string;
  readonly command: string;
  readonly profile: string;
  readonly seed: number;
  readonly rounds: number;
  readonly wallMs: number;
  readonly environment: Environment;
  readonly calibration: Calibration;
  readonly poolSize: number;
  readonly workerGrid: readonly number[];
  readonly scenarios: readonly ScenarioRecord[];
  readonly strategies: readonly StrategyRecord[];
  readonly configs: readonly ConfigSpec[];
  /** Raw rounds; `id` is the measurement key of the configs that share it. */
  readonly measurements: readonly ConfigRound[];
  /** Derived (recomputed on render; stored for readers of the JSON). */
  readonly summaries: readonly ConfigSummary[];
}
