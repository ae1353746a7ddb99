// Number formatting shared by the Markdown and terminal renderers.
import type { RatioEstimate } from '../stats/bootstrap.js';
import type { ConfigSummary } from './schema.js';

/** 0.81 ms, 12.3 ms, 1.52 s. */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 1) return `${Number((ms * 1000).toPrecision(3))} µs`;
  if (ms < 1000) return `${Number(ms.toPrecision(3))} ms`;
  return `${Number((ms / 1000).toPrecision(3))} s`;
}

/** 12.3k/s. */
export function formatRate(perSecond: number | undefined): string {
  if (perSecond === undefined) return '—';
  if (perSecond >= 1e6) return `${Number((perSecond / 1e6).toPrecision(3))}M/s`;
  if (perSecond >= 1e3) return `${Number((perSecond / 1e3).toPrecision(3))}k/s`;
  return `${Number(perSecond.toPrecision(3))}/s`;
}

/** 1.82× [1.61–1.95]. */
export function formatRatio(ratio: RatioEstimate | undefined): string {
  if (ratio === undefined) return '—';
  const [low, high] = ratio.ci95;
  const r = (value: number): string => value.toFixed(value < 0.1 ? 3 : 2);
  return ratio.rounds < 2 ? `${r(ratio.median)}×` : `${r(ratio.median)}× [${r(low)}–${r(high)}]`;
}

/** ✓ faster / ✗ slower / ≈ not significant. */
export function formatVerdict(ratio: RatioEstimate | undefined): string {
  if (ratio === undefined) return '';
  if (ratio.verdict === 'faster') return '✓ faster';
  if (ratio.verdict === 'slower') return '✗ slower';
  if (ratio.verdict === 'single round') return 'one round';
  return `≈ ${ratio.verdict}`;
}

/** What distinguishes a configuration within its scenario, e.g. `python-size · cold · 4 workers`. */
export function describeConfig(summary: ConfigSummary): string {
  const parts = summary.id
    .split('/')
    .slice(2)
    // The id's `one-cpu` is said by the pinning note below.
    .filter((part) => !/^w\d+$/.test(part) && part !== summary.phase && part !== 'one-cpu');
  parts.push(summary.phase, `${summary.workers} worker${summary.workers === 1 ? '' : 's'}`);
  if (summary.inFlight !== undefined) parts.push(`in-flight ${summary.inFlight}`);
  if (summary.cpus !== undefined) {
    parts.push(`pinned to ${summary.cpus} CPU${summary.cpus === 1 ? '' : 's'}`);
  }
  return parts.join(' · ');
}

/** Notes for a row: errors first, then warnings. */
export function formatNotes(summary: ConfigSummary): string {
  if (summary.errors.length > 0) return `error: ${summary.errors[0]}`;
  return summary.warnings.join('; ');
}

/** Median job time per task: the per-task cost for dispatch measurements. */
export function formatPerTask(summary: ConfigSummary | undefined): string {
  return summary?.medianJobMs === undefined ? '—' : formatMs(summary.medianJobMs / summary.tasks);
}

/**
 * The speedup cell: a ratio to sequential, except for no-op tasks, where sequential does no
 * work and the ratio only restates the dispatch cost (see the per-task column instead).
 */
export function formatSpeedupCell(summary: ConfigSummary): string {
  if (summary.strategy === 'sequential') return 'baseline';
  if (summary.workloadKind === 'noop' || summary.speedup === undefined) return '—';
  return formatRatio(summary.speedup);
}

/** The verdict cell, blank where the speedup cell is. */
export function formatVerdictCell(summary: ConfigSummary): string {
  return summary.workloadKind === 'noop' ? '' : formatVerdict(summary.speedup);
}
