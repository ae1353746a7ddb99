// The terminal summary: one aligned table per scenario, then the recommendation.
import {
  describeConfig,
  formatMs,
  formatNotes,
  formatRate,
  formatPerTask,
  formatRatio,
  formatSpeedupCell,
  formatVerdictCell,
} from './format.js';
import { renderDistributedNotes } from './distributed-notes.js';
import { recommend } from './recommendation.js';
import { judgeTargets } from './peer-targets.js';
import type { BenchReport } from './schema.js';

function alignRows(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, column) =>
    Math.max(...rows.map((row) => [...(row[column] ?? '')].length)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );
}

/** Renders the summary printed at the end of a run. */
export function renderTerminal(report: BenchReport): string {
  const labels = new Map(report.strategies.map((s) => [s.name, s.label]));
  const out: string[] = [];
  for (const scenario of report.scenarios) {
    out.push('', `== ${scenario.title}`);
    const rows = [
      ['strategy', 'configuration', 'job', 'per task', 'throughput', 'speedup', 'verdict', 'notes'],
    ];
    for (const s of report.summaries.filter((summary) => summary.scenario === scenario.id)) {
      rows.push([
        labels.get(s.strategy) ?? s.strategy,
        describeConfig(s),
        formatMs(s.medianJobMs),
        formatPerTask(s),
        formatRate(s.throughputPerS),
        formatSpeedupCell(s),
        formatVerdictCell(s),
        formatNotes(s),
      ]);
    }
    out.push(...alignRows(rows));
    if (scenario.id === 'distributed') out.push('', ...renderDistributedNotes(report));
  }
  const targets = judgeTargets(report).filter((t) => t.status !== 'not measured');
  if (targets.length > 0) {
    out.push('', '== Issue 7 targets (ratios from this run)');
    out.push(
      ...alignRows([
        ['target', 'measured', 'status'],
        ...targets.map((t) => [t.target, formatRatio(t.ratio), t.status]),
      ]),
    );
  }
  out.push('', recommend(report), '');
  return out.join('\n');
}
