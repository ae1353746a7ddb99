// Builds the report's charts from summaries: speedup vs workers, speedup vs task duration,
// throughput vs in-flight limit.
import { computeAmdahlFits, summariesOf } from './analysis.js';
import type { BenchReport, ConfigSummary } from './schema.js';
import { renderLineChart, type ChartPoint, type ChartSeries } from './svg/line-chart.js';

/** A rendered chart and the file it goes to. */
export interface RenderedChart {
  readonly file: string;
  readonly title: string;
  readonly svg: string;
}

function speedupPoint(summary: ConfigSummary): ChartPoint | undefined {
  if (summary.x === undefined || summary.speedup === undefined) return undefined;
  const [low, high] = summary.speedup.ci95;
  return { x: summary.x, y: summary.speedup.median, low, high };
}

function groupSeries(
  summaries: readonly ConfigSummary[],
  point: (summary: ConfigSummary) => ChartPoint | undefined,
  name: (series: string) => string = (series) => series,
): ChartSeries[] {
  const bySeries = new Map<string, ChartPoint[]>();
  for (const summary of summaries) {
    const p = point(summary);
    if (p === undefined) continue;
    const key = summary.series ?? summary.strategy;
    bySeries.set(key, [...(bySeries.get(key) ?? []), p]);
  }
  return [...bySeries].map(([series, points]) => ({ name: name(series), points }));
}

/**
 * Renders every chart the report's data supports.
 * @param footnote - the command and data file, printed under each chart.
 */
export function renderCharts(report: BenchReport, footnote: string): RenderedChart[] {
  const charts: RenderedChart[] = [];
  const cpus = report.environment.effectiveCpus;
  const scaling = summariesOf(report, 'cpu-scaling');
  const scalingSeries = groupSeries(scaling, speedupPoint);
  if (scalingSeries.length > 0) {
    const fits = computeAmdahlFits(report);
    const workers = [...new Set(scaling.map((s) => s.workers))].sort((a, b) => a - b);
    const title = 'CPU-bound speedup vs workers';
    charts.push({
      file: 'speedup-vs-workers.svg',
      title,
      svg: renderLineChart({
        title,
        xLabel: 'workers',
        yLabel: 'speedup over sequential (×)',
        xScale: 'linear',
        yScale: 'linear',
        series: [
          ...scalingSeries.map((series) => {
            const s = fits.get(series.name);
            return {
              ...series,
              name: s === undefined ? series.name : `${series.name}, s=${s.toFixed(2)}`,
            };
          }),
          {
            name: `ideal (≤ ${cpus} CPUs)`,
            dashed: true,
            points: workers.map((w) => ({ x: w, y: Math.min(w, cpus) })),
          },
        ],
        referenceY: { y: 1, label: 'sequential' },
        shadeFromX: workers.some((w) => w > cpus)
          ? { x: cpus, label: 'oversubscribed →' }
          : undefined,
        footnote,
      }),
    });
  }
  const crossoverSeries = groupSeries(summariesOf(report, 'crossover'), speedupPoint);
  if (crossoverSeries.length > 0) {
    const title = `Speedup vs task duration (${report.poolSize} workers, warm)`;
    charts.push({
      file: 'speedup-vs-duration.svg',
      title,
      svg: renderLineChart({
        title,
        xLabel: 'task duration (µs, log scale)',
        yLabel: 'speedup over sequential (×, log2)',
        xScale: 'log',
        yScale: 'log2',
        series: crossoverSeries,
        referenceY: { y: 1, label: 'below: parallelism loses' },
        footnote,
      }),
    });
  }
  const io = summariesOf(report, 'io');
  for (const kind of [...new Set(io.map((s) => s.series?.split(':')[0] ?? ''))]) {
    const series = groupSeries(
      io.filter((s) => s.series?.startsWith(`${kind}:`)),
      (s) =>
        s.x === undefined || s.throughputPerS === undefined
          ? undefined
          : { x: s.x, y: s.throughputPerS },
      (name) => name.split(':')[1] ?? name,
    );
    if (series.length === 0) continue;
    const title = `I/O (${kind}): throughput vs in-flight limit`;
    charts.push({
      file: `throughput-vs-inflight-${kind}.svg`,
      title,
      svg: renderLineChart({
        title,
        xLabel: 'in-flight limit (log2)',
        yLabel: 'tasks per second (log)',
        xScale: 'log2',
        yScale: 'log',
        series,
        footnote,
      }),
    });
  }
  return charts;
}
