// @concur/bench-runner: the benchmark's building blocks, for scripts that want to plan,
// measure or render on their own. The command itself is `dist/cli.js`.
export { parseArgs, HELP_TEXT, DEFAULT_SEED } from './options/parse-args.js';
export type { CliOptions } from './options/parse-args.js';
export { getProfile, PROFILE_NAMES } from './options/profiles.js';
export type { Profile, ProfileName } from './options/profiles.js';
export { SCENARIOS, planScenarios } from './scenarios/index.js';
export type { Scenario, ScenarioContext, ScenarioView } from './scenarios/scenario.js';
export { getStrategy, STRATEGY_NAMES } from './strategies/registry.js';
export type { Model, Origin, Strategy, StrategyInstance } from './strategies/strategy.js';
export { runJob } from './strategies/run-job.js';
export type { Job, DriveOptions } from './strategies/run-job.js';
export { runBenchmark, deriveWorkerGrid } from './measure/run-benchmark.js';
export {
  computeEffectiveCpus,
  parseCpuMax,
  readCpuQuota,
  getEffectiveCpus,
} from './measure/effective-cpus.js';
export type { CpuQuota } from './measure/effective-cpus.js';
export type {
  ConfigSpec,
  ConfigRound,
  GroupResult,
  GroupSpec,
  Phase,
  WorkloadSpec,
} from './measure/plan.js';
export { measureKey } from './measure/plan.js';
export { parseCpuList, pinPrefix, readAllowedCpus } from './measure/pin-cpus.js';
export type { PinPrefix } from './measure/pin-cpus.js';
export { median, quantile, geometricMean, describeSpread } from './stats/summary.js';
export type { Spread } from './stats/summary.js';
export { createRandom, shuffle, deriveSeed } from './stats/random.js';
export {
  bootstrapMedianInterval,
  estimateRatio,
  judgeRatio,
  pairRatios,
  BOOTSTRAP_RESAMPLES,
  EQUIVALENCE_MARGIN,
} from './stats/bootstrap.js';
export type { RatioEstimate, Verdict } from './stats/bootstrap.js';
export { efficiency, karpFlatt, amdahlSpeedup, fitAmdahl } from './stats/scaling.js';
export { interpolateCrossover, estimateCrossover } from './stats/crossover.js';
export type { CrossoverEstimate, CrossoverPoint } from './stats/crossover.js';
export { createReport, recomputeSummaries, parseReport } from './report/build-report.js';
export { REPORT_SCHEMA } from './report/schema.js';
export type { BenchReport, ConfigSummary } from './report/schema.js';
export { renderMarkdown } from './report/markdown.js';
export { renderTerminal } from './report/terminal.js';
export { renderCharts } from './report/charts.js';
export { renderLineChart } from './report/svg/line-chart.js';
export type { LineChart, ChartSeries, ChartPoint } from './report/svg/line-chart.js';
export { compareReports, REGRESSION_TOLERANCE } from './report/compare.js';
export { writeReport } from './report/write-report.js';
export { judgeTargets } from './report/peer-targets.js';
export { analyzeDistributed, renderDistributedNotes } from './report/distributed-notes.js';
export type { DistributedFindings } from './report/distributed-notes.js';
export type { TargetOutcome } from './report/peer-targets.js';
