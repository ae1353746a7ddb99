// Figures derived across configurations: scaling fits, crossover durations, peer ratios,
// the numbers the summary table and recommendation quote.
import { estimateRatio, pairRatios, type RatioEstimate } from '../stats/bootstrap.js';
import { estimateCrossover, type CrossoverEstimate } from '../stats/crossover.js';
import { deriveSeed } from '../stats/random.js';
import { fitAmdahl } from '../stats/scaling.js';
import type { BenchReport, ConfigSummary } from './schema.js';

/** The summaries of one scenario. */
export function summariesOf(report: BenchReport, scenario: string): ConfigSummary[] {
  return report.summaries.filter((summary) => summary.scenario === scenario);
}

/**
 * Finds a summary by scenario, strategy and an id suffix of whole segments (e.g. `burst`,
 * `map/generator-auto`): `cpu` finds `peers/piscina/cpu`, not `peers/piscina/round-trip/one-cpu`.
 */
export function findSummary(
  report: BenchReport,
  scenario: string,
  strategy: string,
  suffix = '',
): ConfigSummary | undefined {
  const prefix = `${scenario}/${strategy}`;
  return report.summaries.find(
    (s) =>
      (s.id === prefix && suffix === '') ||
      (s.id.startsWith(`${prefix}/`) && s.id.endsWith(`/${suffix}`) && suffix !== ''),
  );
}

/** Crossover duration per strategy in the crossover scenario. */
export function computeCrossovers(report: BenchReport): Map<string, CrossoverEstimate> {
  const byStrategy = new Map<string, { durationUs: number; speedups: readonly number[] }[]>();
  for (const summary of summariesOf(report, 'crossover')) {
    if (summary.x === undefined || summary.roundRatios.length === 0) continue;
    const list = byStrategy.get(summary.strategy) ?? [];
    list.push({ durationUs: summary.x, speedups: summary.roundRatios });
    byStrategy.set(summary.strategy, list);
  }
  const result = new Map<string, CrossoverEstimate>();
  for (const [strategy, grid] of byStrategy) {
    result.set(strategy, estimateCrossover(grid, deriveSeed(report.seed, `crossover-${strategy}`)));
  }
  return result;
}

/** Amdahl serial fraction fitted to each scaling series (warm and cold separately). */
export function computeAmdahlFits(report: BenchReport): Map<string, number | undefined> {
  const bySeries = new Map<string, { workers: number; speedup: number }[]>();
  for (const summary of summariesOf(report, 'cpu-scaling')) {
    if (summary.speedup === undefined || summary.oversubscribed) continue;
    const list = bySeries.get(summary.series ?? summary.strategy) ?? [];
    list.push({ workers: summary.workers, speedup: summary.speedup.median });
    bySeries.set(summary.series ?? summary.strategy, list);
  }
  return new Map([...bySeries].map(([series, points]) => [series, fitAmdahl(points)]));
}

/**
 * Ratio of two configurations' round times (a / b, so > 1 means a took longer), paired by
 * round: measured in different processes of the same round.
 */
export function compareRounds(
  report: BenchReport,
  a: ConfigSummary | undefined,
  b: ConfigSummary | undefined,
): RatioEstimate | undefined {
  if (a === undefined || b === undefined) return undefined;
  const ratios = pairRatios(a.roundMs, b.roundMs);
  return ratios.length === 0
    ? undefined
    : estimateRatio(ratios, deriveSeed(report.seed, `${a.id}|${b.id}`));
}

/** Formats a duration in µs compactly: 180 µs, 1.2 ms, 35 ms. */
export function formatMicros(us: number | undefined): string {
  if (us === undefined || !Number.isFinite(us)) return '—';
  if (us < 1000) return `${Number(us.toPrecision(2))} µs`;
  if (us < 1_000_000) return `${Number((us / 1000).toPrecision(2))} ms`;
  return `${Number((us / 1e6).toPrecision(2))} s`;
}

/** Describes a crossover estimate in words: "180 µs [120 µs – 260 µs]". */
export function describeCrossover(estimate: CrossoverEstimate | undefined): string {
  if (estimate === undefined) return 'not measured';
  if (estimate.kind === 'always-faster') return 'faster than sequential at every measured size';
  if (estimate.kind === 'never-faster') return 'never faster than sequential on this grid';
  const [low, high] = estimate.ci95 ?? [undefined, undefined];
  const lowText = low === undefined ? 'below the grid' : formatMicros(low);
  const highText = high === undefined ? 'above the grid' : formatMicros(high);
  const unstable =
    estimate.slowerAgainAtUs === undefined
      ? ''
      : ` (not stable: slower than sequential again at ${formatMicros(estimate.slowerAgainAtUs)})`;
  return `${formatMicros(estimate.durationUs)} [95% CI ${lowText} – ${highText}]${unstable}`;
}
