// Issue 7's targets, judged from ratios measured side by side in the peers scenario:
// met when the whole interval clears the threshold, missed when it is wholly short.
import type { RatioEstimate } from '../stats/bootstrap.js';
import { compareRounds, findSummary } from './analysis.js';
import { formatRatio } from './format.js';
import type { BenchReport } from './schema.js';

/** One target's outcome. */
export interface TargetOutcome {
  readonly target: string;
  /** The measured ratio, oriented so that higher is better for concur. */
  readonly ratio: RatioEstimate | undefined;
  readonly threshold: number;
  readonly status: 'met' | 'missed' | 'inconclusive' | 'not measured';
}

function judge(target: string, ratio: RatioEstimate | undefined, threshold: number): TargetOutcome {
  if (ratio === undefined) return { target, ratio, threshold, status: 'not measured' };
  const [low, high] = ratio.ci95;
  const status = low >= threshold ? 'met' : high < threshold ? 'missed' : 'inconclusive';
  return { target, ratio, threshold, status };
}

/** Judges every issue-7 target the report has data for. */
export function judgeTargets(report: BenchReport): TargetOutcome[] {
  const get = (strategy: string, suffix: string) => findSummary(report, 'peers', strategy, suffix);
  // Time ratios: peer time / concur time = concur's speed relative to the peer.
  const faster = (concur: string, peer: string, suffix: string, peerSuffix = suffix) =>
    compareRounds(report, get(peer, peerSuffix), get(concur, suffix));
  const threadsBurst = get('concur-threads', 'burst');
  const mapSummary = report.summaries.find((s) =>
    s.id.startsWith('peers/concur-threads/map/chunk'),
  );
  const mapVsPiscina = compareRounds(report, get('piscina', 'burst'), mapSummary);
  const generatorMap = get('concur-threads', 'map/generator-auto');
  const generatorVsPiscina = compareRounds(report, get('piscina', 'burst'), generatorMap);
  const cpu = get('concur-threads', 'cpu');
  const cpuVsPiscina = compareRounds(report, get('piscina', 'cpu'), cpu);
  return [
    judge('ThreadPool burst ≥ 2× piscina', faster('concur-threads', 'piscina', 'burst'), 2),
    judge('ThreadPool burst ≥ 1.2× poolifier', faster('concur-threads', 'poolifier', 'burst'), 1.2),
    judge(
      'ThreadPool burst ≥ 0.8× raw postMessage',
      faster('concur-threads', 'raw-threads', 'burst'),
      0.8,
    ),
    judge('map with chunksize ≥ 10× piscina per-task rate', mapVsPiscina, 10),
    judge('map over a generator, no chunksize ≥ 10× piscina', generatorVsPiscina, 10),
    judge(
      'round trip ≤ 1.15× raw postMessage',
      faster('concur-threads', 'raw-threads', 'round-trip'),
      1 / 1.15,
    ),
    // The same, pinned to one CPU: without the cross-CPU wake-up, which a VM makes slow and
    // placement-dependent, only the dispatch code of each side is left to compare.
    judge(
      'round trip ≤ 1.15× raw postMessage, pinned to one CPU',
      faster('concur-threads', 'raw-threads', 'round-trip/one-cpu'),
      1 / 1.15,
    ),
    judge(
      'ProcessPool burst ≥ 2× tinypool child_process',
      faster('concur-processes', 'tinypool-processes', 'burst'),
      2,
    ),
    judge('CPU speedup ≥ 1.9× sequential', cpu?.speedup, 1.9),
    judge('CPU speedup not below piscina', cpuVsPiscina, 1),
    judge(
      'ThreadPool cold start no slower than piscina',
      faster('concur-threads', 'piscina', 'first-result'),
      1,
    ),
    judge(
      'ProcessPool cold start no slower than tinypool child_process',
      faster('concur-processes', 'tinypool-processes', 'first-result'),
      1,
    ),
  ].filter((outcome) => threadsBurst !== undefined || outcome.status !== 'not measured');
}

/** The targets as Markdown table rows. */
export function renderTargets(report: BenchReport): string[] {
  const outcomes = judgeTargets(report);
  if (outcomes.length === 0) return [];
  const mark = {
    met: '✓ met',
    missed: '✗ missed',
    inconclusive: '≈ inconclusive',
    'not measured': '— not measured',
  };
  return [
    '| Target (issue 7) | concur relative (× better) [95% CI] | threshold | status |',
    '|---|---|---|---|',
    ...outcomes.map(
      (o) =>
        `| ${o.target} | ${formatRatio(o.ratio)} | ${o.threshold.toFixed(2)}× | ${mark[o.status]} |`,
    ),
  ];
}
