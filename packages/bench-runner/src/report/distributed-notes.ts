// The distributed scenario's findings: per-task overhead of DistributedExecutor and
// ProcessPoolExecutor, the task duration from which distributing stops costing more than it
// gives, and the distributed package's MODEL for N machines fed with the overheads measured
// here — or why the scenario was skipped (no Redis, workers not ready).
// The bench subpath is node built-ins and pure model functions, so importing it statically
// loads no BullMQ; the strategy still loads DistributedExecutor lazily, inside create().
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  getBreakEvenMs,
  project,
  type ModelInputs,
  type Projection,
} from '@concur/distributed/bench';
import { findSummary, formatMicros, summariesOf } from './analysis.js';
import { formatMs, formatRate } from './format.js';
import type { BenchReport, ConfigSummary } from './schema.js';

const ID = 'distributed';
const POOL = 'concur-processes';
const DISTRIBUTED = 'distributed';
/** Machines and task durations (ms) the model projects, as in `nx run distributed:bench`. */
export const MODEL_MACHINES = [1, 2, 4, 8, 16, 32] as const;
export const MODEL_TASK_MS = [1, 10, 100] as const;
/** Within this factor of the local pool's job time counts as "costs about the same". */
const NEAR_POOL_FACTOR = 1.1;

/** What the distributed scenario found; `skipped` says why when nothing was measured. */
export interface DistributedFindings {
  readonly skipped: string | undefined;
  readonly workers: number;
  /** Median round trip of one no-op task, ms, per strategy. */
  readonly roundTripMs: {
    readonly pool: number | undefined;
    readonly distributed: number | undefined;
  };
  /** The model's inputs, from the burst throughputs; undefined when either is missing. */
  readonly inputs: ModelInputs | undefined;
  /** Shortest measured task (µs) where distributing beats running the tasks inline. */
  readonly beatsInlineUs: number | undefined;
  /** Shortest measured task (µs) where distributing costs within 10% of the local pool. */
  readonly nearPoolUs: number | undefined;
  readonly projections: readonly Projection[];
  /** Modelled break-even task duration (ms) per machine count above one. */
  readonly breakEvenMs: readonly { readonly machines: number; readonly ms: number }[];
}

function perTaskMs(summary: ConfigSummary | undefined): number | undefined {
  return summary?.medianJobMs === undefined ? undefined : summary.medianJobMs / summary.tasks;
}

/**
 * Derives the findings from a report; undefined when the report has no distributed rows.
 * @example
 * analyzeDistributed(report)?.nearPoolUs; // 10000: from 10 ms tasks Redis costs ≤ 10% more
 */
export function analyzeDistributed(report: BenchReport): DistributedFindings | undefined {
  const rows = summariesOf(report, ID);
  if (rows.length === 0) return undefined;
  const distributedRows = rows.filter((s) => s.strategy === DISTRIBUTED);
  const failed = distributedRows.find((s) => s.errors.length > 0);
  const skipped =
    distributedRows.length > 0 && distributedRows.every((s) => s.medianJobMs === undefined)
      ? (failed?.errors[0]?.replace(/\s+/g, ' ').trim() ??
        'no DistributedExecutor row was measured')
      : undefined;
  const workers = rows[0]!.workers;
  const poolBurst = findSummary(report, ID, POOL, 'burst')?.throughputPerS;
  const distributedBurst = findSummary(report, ID, DISTRIBUTED, 'burst')?.throughputPerS;
  const inputs: ModelInputs | undefined =
    poolBurst === undefined || distributedBurst === undefined
      ? undefined
      : {
          cores: workers,
          distributedOverheadMs: (workers * 1_000) / distributedBurst,
          poolOverheadMs: (workers * 1_000) / poolBurst,
          dispatchPerSecond: distributedBurst,
        };
  const cpu = distributedRows
    .filter((s) => s.series === 'cpu' && s.x !== undefined && s.medianJobMs !== undefined)
    .sort((a, b) => a.x! - b.x!);
  const poolJobMs = (x: number) =>
    rows.find((s) => s.strategy === POOL && s.series === 'cpu' && s.x === x)?.medianJobMs;
  const beatsInlineUs = cpu.find((s) => s.speedup !== undefined && s.speedup.median > 1)?.x;
  const nearPoolUs = cpu.find((s) => {
    const pool = poolJobMs(s.x!);
    return pool !== undefined && s.medianJobMs! <= NEAR_POOL_FACTOR * pool;
  })?.x;
  return {
    skipped,
    workers,
    roundTripMs: {
      pool: perTaskMs(findSummary(report, ID, POOL, 'round-trip')),
      distributed: perTaskMs(findSummary(report, ID, DISTRIBUTED, 'round-trip')),
    },
    inputs,
    beatsInlineUs,
    nearPoolUs,
    projections:
      inputs === undefined
        ? []
        : MODEL_MACHINES.flatMap((n) => MODEL_TASK_MS.map((ms) => project(inputs, n, ms))),
    breakEvenMs:
      inputs === undefined
        ? []
        : MODEL_MACHINES.filter((n) => n > 1).map((n) => ({
            machines: n,
            ms: getBreakEvenMs(inputs, n),
          })),
  };
}

/** The findings as Markdown lines (also printed, as they are, after the terminal table). */
export function renderDistributedNotes(report: BenchReport): string[] {
  const f = analyzeDistributed(report);
  if (f === undefined) return [];
  if (f.skipped !== undefined) {
    return [
      `**Skipped: DistributedExecutor could not run here** (${f.skipped}). It needs Redis: set \`REDIS_URL\`, or let \`tools/redis/start.sh\` start a loopback one (it installs \`redis-server\` when missing). The rest of the run is unaffected.`,
    ];
  }
  const lines = [
    `**Measured here** (${f.workers} pool processes vs ${f.workers} concur-worker processes with concurrency 1, Redis on loopback): one no-op task's round trip takes ${formatMs(f.roundTripMs.distributed)} through Redis vs ${formatMs(f.roundTripMs.pool)} through the process pool.`,
  ];
  if (f.inputs !== undefined) {
    lines.push(
      '',
      `Per-task overhead, in a worker's time (workers × 1 s / burst throughput): ${formatMs(f.inputs.distributedOverheadMs)} distributed vs ${formatMs(f.inputs.poolOverheadMs)} pool; one client and Redis dispatched ${formatRate(f.inputs.dispatchPerSecond)}.`,
    );
  }
  lines.push(
    '',
    `Distributing beats running the tasks inline from ${f.beatsInlineUs === undefined ? 'none of the measured durations' : `${formatMicros(f.beatsInlineUs)} tasks`}, and costs within 10% of the local process pool from ${f.nearPoolUs === undefined ? 'none of the measured durations' : `${formatMicros(f.nearPoolUs)} tasks`}: below that, distribution costs more than it gives on one machine.`,
  );
  if (f.inputs !== undefined) {
    lines.push(
      '',
      `**MODEL, not a measurement**: N machines × ${f.workers} workers, from the overheads above (\`project\` / \`getBreakEvenMs\` of \`@concur/distributed/bench\`; dispatch capped at the ${formatRate(f.inputs.dispatchPerSecond)} reached here, a floor since client and Redis shared this machine's cores).`,
      '',
      `| machines | ${MODEL_TASK_MS.map((ms) => `${ms} ms tasks: tasks/s (× one-machine pool)`).join(' | ')} | break-even task |`,
      `|---|${MODEL_TASK_MS.map(() => '---|').join('')}---|`,
    );
    for (const machines of MODEL_MACHINES) {
      const cells = f.projections
        .filter((p) => p.machines === machines)
        .map(
          (p) =>
            `${formatRate(p.distributedPerSecond)} (× ${p.speedup.toFixed(2)}${p.dispatchBound ? ', dispatch-bound' : ''})`,
        );
      const breakEven = f.breakEvenMs.find((b) => b.machines === machines)?.ms;
      lines.push(
        `| ${machines} | ${cells.join(' | ')} | ${breakEven === undefined ? '—' : Number.isFinite(breakEven) ? formatMs(breakEven) : 'never (dispatch-bound)'} |`,
      );
    }
  }
  return lines;
}
