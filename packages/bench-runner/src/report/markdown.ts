// Renders the Markdown report: provenance, method box, workloads, the tutorial's summary
// table rebuilt for Node, every scenario with absolute and relative numbers, charts,
// warnings and how to reproduce.
import type { RenderedChart } from './charts.js';
import {
  describeConfig,
  formatMs,
  formatNotes,
  formatRate,
  formatPerTask,
  formatSpeedupCell,
  formatVerdictCell,
} from './format.js';
import { recommend, renderSummaryTable } from './recommendation.js';
import { renderScenarioNotes } from './scenario-notes.js';
import type { BenchReport } from './schema.js';

function provenance(report: BenchReport): string[] {
  const env = report.environment;
  const quota =
    env.cpuQuota.cpus === undefined
      ? `none (${env.cpuQuota.source})`
      : `${env.cpuQuota.cpus} CPUs (${env.cpuQuota.source})`;
  return [
    '| | |',
    '|---|---|',
    `| Machine | ${env.cpuModel}, ${env.cpus} CPUs, ${env.totalMemoryMb} MB, ${env.os} |`,
    `| CPUs | availableParallelism ${env.availableParallelism}, cgroup quota ${quota}, **effective ${env.effectiveCpus}** |`,
    `| Runtime | Node ${env.node}, V8 ${env.v8}, libuv ${env.uv}, execArgv \`${env.execArgv.join(' ') || '(none)'}\`, UV_THREADPOOL_SIZE ${env.uvThreadpoolSize ?? 'default (4)'} |`,
    `| Libraries | ${Object.entries(env.packages)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')} |`,
    `| Commit | ${env.gitSha ?? 'unknown'} |`,
    `| Command | \`${report.command}\` |`,
    `| Profile, seed | ${report.profile}, seed ${report.seed}, ${report.rounds} rounds |`,
    `| Load average | start ${env.loadavgStart.map((l) => l.toFixed(2)).join(' ')}, end ${env.loadavgEnd.map((l) => l.toFixed(2)).join(' ')} |`,
    `| Date, duration | ${report.createdAt}, measured in ${formatMs(report.wallMs)} |`,
  ];
}

function method(report: BenchReport): string[] {
  return [
    '> **Method.** The unit is a *job*: N tasks submitted and all awaited; throughput = N / job time.',
    `> Each strategy runs in a fresh process (execa) once per round, ${report.rounds} rounds, strategies and configurations in a seeded-random order (seed ${report.seed}).`,
    '> Every process first measures its own sequential baseline for each workload, so speedups are *paired* (same process, same round).',
    '> tinybench collects the samples (`time: 0`, fixed iterations, no tinybench warm-up; the pool is taken in `beforeAll` and warmed by untimed jobs right before measuring, until two jobs agree within 10% and, for jobs of many tasks, at least 5,000 tasks have run, so the JIT has optimized the dispatch path). Within one process, warm configurations of the same strategy and size share one pool. Configurations marked *pinned* run in processes of their own under `taskset`.',
    '> *Warm* = steady state; *cold* = create the pool, run one job, close it; *first result* = create and run one task. Cold and first-result samples follow one untimed cold job in the same process, so importing the library is in none of them.',
    '> Per configuration: median over rounds of the round’s median job; speedup = median of per-round ratios with a 95% percentile-bootstrap interval (seeded); “not significant” when it spans 1.0 (±5% equivalence margin).',
    '> Every job’s results are checksummed against sequential’s. Absolute times are reported but only ratios measured in the same run are compared.',
  ];
}

function workloads(report: BenchReport): string[] {
  const c = report.calibration;
  return [
    '- `cpuTask(n, iterations)`: the tutorial’s `for i in range(10**6): total += i * n`.',
    `- \`spin(iterations)\`: an allocation-free xorshift loop, calibrated to durations: ${Math.round(c.mainIterationsPerMs)} iterations/ms in the main thread, ${Math.round(c.workerIterationsPerMs)} in a warm worker thread.`,
    '- `square(n, delayMs)`: the tutorial’s sleep-then-square; `sleepTask`, `fileTask` (write and read back a file in a temp dir), `httpTask` (loopback HTTP GET): the I/O workloads.',
    '- `noop`: `spin` of a few iterations, to measure dispatch cost; `transformBytes(bytes)`: a payload in and out (clone vs transfer).',
    `- Pool size outside the scaling scenario: ${report.poolSize}; scaling grid: ${report.workerGrid.join(', ')}.`,
  ];
}

function scenarioTable(report: BenchReport, scenario: string): string[] {
  const rows = report.summaries.filter((s) => s.scenario === scenario);
  const labels = new Map(report.strategies.map((s) => [s.name, s.label]));
  return [
    '| strategy | configuration | job time (median [IQR]) | per task | throughput | speedup vs sequential [95% CI] | verdict | notes |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((s) => {
      const iqr =
        s.iqrJobMs === undefined ? '' : ` [${formatMs(s.iqrJobMs[0])}–${formatMs(s.iqrJobMs[1])}]`;
      return `| ${labels.get(s.strategy) ?? s.strategy} | ${describeConfig(s)} | ${formatMs(s.medianJobMs)}${iqr} | ${formatPerTask(s)} | ${formatRate(s.throughputPerS)} | ${formatSpeedupCell(s)} | ${formatVerdictCell(s)} | ${formatNotes(s)} |`;
    }),
  ];
}

/**
 * Renders the whole Markdown report.
 * @param charts - the charts written next to it (linked by file name).
 */
export function renderMarkdown(report: BenchReport, charts: readonly RenderedChart[]): string {
  const out: string[] = [
    '# concur bench report',
    '',
    `**${recommend(report)}**`,
    '',
    '## Provenance',
    '',
    ...provenance(report),
    '',
    ...method(report),
    '',
    '## Workloads',
    '',
    ...workloads(report),
    '',
    '## Summary: the tutorial’s table, rebuilt for Node from these measurements',
    '',
    ...renderSummaryTable(report),
    '',
    `*Recommendation:* ${recommend(report)}`,
    '',
  ];
  for (const scenario of report.scenarios) {
    out.push(
      `## ${scenario.title}`,
      '',
      `*${scenario.question}*`,
      '',
      ...scenarioTable(report, scenario.id),
      '',
    );
    const notes = renderScenarioNotes(report, scenario);
    if (notes.length > 0) out.push(...notes, '');
  }
  if (charts.length > 0) {
    out.push('## Charts', '');
    for (const chart of charts) out.push(`![${chart.title}](${chart.file})`, '');
  }
  const problems = report.summaries.filter((s) => s.errors.length > 0 || !s.checksumOk);
  if (problems.length > 0) {
    out.push('## Errors and failed checks', '');
    for (const s of problems) out.push(`- \`${s.id}\`: ${formatNotes(s) || 'checksum mismatch'}`);
    out.push('');
  }
  out.push(
    '## Reproduce',
    '',
    `- Measure again: \`${report.command}\``,
    '- Re-render this report from its JSON without measuring: `node dist/cli.js --render results.json --out <dir>` (in `packages/bench-runner`).',
    '- Limitations: results from a 2-vCPU shared VM do not predict a 16-core machine; only ratios from the same run are compared; per-worker CPU time is not available on Node 20, so CPU cost is per measuring process (children excluded).',
    '',
  );
  return out.join('\n');
}
