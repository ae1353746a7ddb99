// `--compare baseline.json`: a regression check that works on a noisy machine because it
// judges only ratios measured within each run (speedup over the same-process sequential),
// never absolute times across runs.
import { formatRatio } from './format.js';
import type { BenchReport } from './schema.js';

/** A speedup must fall this far below the baseline's interval to count as a regression. */
export const REGRESSION_TOLERANCE = 0.1;

/** One configuration's comparison. */
export interface Comparison {
  readonly id: string;
  readonly before: string;
  readonly after: string;
  readonly status: 'regressed' | 'improved' | 'unchanged';
}

/**
 * Compares every configuration present in both reports with a speedup in each. A regression
 * is when the current interval lies wholly below the baseline's lower bound less 10%.
 * @example
 * compareReports(baseline, current).filter((c) => c.status === 'regressed');
 */
export function compareReports(baseline: BenchReport, current: BenchReport): Comparison[] {
  const before = new Map(baseline.summaries.map((s) => [s.id, s]));
  const comparisons: Comparison[] = [];
  for (const now of current.summaries) {
    const then = before.get(now.id);
    if (then?.speedup === undefined || now.speedup === undefined) continue;
    const regressed = now.speedup.ci95[1] < then.speedup.ci95[0] * (1 - REGRESSION_TOLERANCE);
    const improved = now.speedup.ci95[0] > then.speedup.ci95[1] * (1 + REGRESSION_TOLERANCE);
    comparisons.push({
      id: now.id,
      before: formatRatio(then.speedup),
      after: formatRatio(now.speedup),
      status: regressed ? 'regressed' : improved ? 'improved' : 'unchanged',
    });
  }
  return comparisons;
}

/** Renders the comparison for the terminal; lists regressions and improvements. */
export function renderComparison(comparisons: readonly Comparison[]): string {
  const changed = comparisons.filter((c) => c.status !== 'unchanged');
  const regressed = comparisons.filter((c) => c.status === 'regressed').length;
  const lines = [
    '',
    `== Compared with baseline: ${comparisons.length} speedups, ${regressed} regressed, ${changed.length - regressed} improved`,
    ...changed.map((c) => `${c.status.toUpperCase().padEnd(9)} ${c.id}: ${c.before} → ${c.after}`),
  ];
  if (comparisons.length === 0)
    lines.push('(no configuration with a speedup appears in both reports)');
  return `${lines.join('\n')}\n`;
}
