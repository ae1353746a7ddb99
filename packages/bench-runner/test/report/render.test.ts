// The report renderers on a synthetic run with known answers: summaries, Markdown sections,
// charts, re-parsing the JSON, and --compare.
import { describe, expect, it } from 'vitest';
import {
  compareReports,
  judgeTargets,
  parseReport,
  renderCharts,
  renderMarkdown,
  renderTerminal,
} from '@concur/bench-runner';
import { createSyntheticReport } from './synthetic-report.js';

describe('report rendering', () => {
  const report = createSyntheticReport();

  it('derives paired speedups with intervals from the raw rounds', () => {
    const at1000 = report.summaries.find((s) => s.id === 'crossover/concur-threads/1000us')!;
    expect(at1000.speedup?.median).toBeCloseTo(10, 6);
    expect(at1000.speedup?.verdict).toBe('faster');
    const at10 = report.summaries.find((s) => s.id === 'crossover/concur-threads/10us')!;
    expect(at10.speedup?.verdict).toBe('slower');
    const io = report.summaries.find((s) => s.id === 'io/concur-event-loop/timer/inflight16')!;
    expect(io.speedup).toBeUndefined();
    expect(io.throughputPerS).toBeGreaterThan(0);
  });

  it('renders the crossover, scaling and I/O charts', () => {
    const charts = renderCharts(report, 'footnote');
    expect(charts.map((c) => c.file)).toEqual([
      'speedup-vs-workers.svg',
      'speedup-vs-duration.svg',
      'throughput-vs-inflight-timer.svg',
    ]);
    const scaling = charts[0]!.svg;
    // The Amdahl fit over the non-oversubscribed points recovers s = 0.2.
    expect(scaling).toContain('concur-threads (warm), s=0.20');
    expect(scaling).toContain('oversubscribed →');
    for (const chart of charts)
      expect((chart.svg.match(/<g class="series"/g) ?? []).length).toBeGreaterThanOrEqual(1);
  });

  it('writes the Markdown sections a reader needs, with the measured recommendation', () => {
    const markdown = renderMarkdown(report, renderCharts(report, 'footnote'));
    for (const heading of [
      '## Provenance',
      '## Workloads',
      '## Summary: the tutorial’s table',
      '## Charts',
      '## Reproduce',
    ]) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toContain('> **Method.**');
    expect(markdown).toContain('use worker threads for CPU tasks longer than about 100 µs');
    expect(markdown).toContain('| Feature | Worker threads (ThreadPoolExecutor) |');
    expect(markdown).toContain('![CPU-bound speedup vs workers](speedup-vs-workers.svg)');
    expect(markdown).toContain('Test CPU, 2 CPUs');
  });

  it('keeps every Markdown table row as wide as its header', () => {
    const markdown = renderMarkdown(report, []);
    const cells = (line: string) => line.split('|').length;
    const lines = markdown.split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]!.startsWith('|---')) continue;
      const width = cells(lines[i - 1]!);
      for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) {
        expect(cells(lines[j]!), lines[j]).toBe(width);
      }
    }
  });

  it('judges issue 7 targets from ratios measured side by side', () => {
    const outcomes = new Map(judgeTargets(report).map((o) => [o.target, o]));
    const vsPiscina = outcomes.get('ThreadPool burst ≥ 2× piscina')!;
    expect(vsPiscina.ratio?.median).toBeCloseTo(2.5, 6);
    expect(vsPiscina.status).toBe('met');
    expect(outcomes.get('ThreadPool burst ≥ 0.8× raw postMessage')!.status).toBe('missed');
    expect(outcomes.get('round trip ≤ 1.15× raw postMessage')!.status).toBe('met');
    const cpu = outcomes.get('CPU speedup ≥ 1.9× sequential')!;
    expect(cpu.status).toBe('met');
    // From `peers/concur-threads/cpu`, not from the `…/round-trip/one-cpu` before it.
    expect(cpu.ratio?.median).toBeCloseTo(1.95, 6);
    const pinned = outcomes.get('round trip ≤ 1.15× raw postMessage, pinned to one CPU')!;
    expect(pinned.ratio?.median).toBeCloseTo(0.9, 6);
    expect(pinned.status).toBe('met');
    expect(outcomes.get('ThreadPool burst ≥ 1.2× poolifier')!.status).toBe('not measured');
    expect(
      outcomes.get('map with chunksize ≥ 10× piscina per-task rate')!.ratio?.median,
    ).toBeCloseTo(50, 6);
    const generator = outcomes.get('map over a generator, no chunksize ≥ 10× piscina')!;
    expect(generator.ratio?.median).toBeCloseTo(25, 6);
    expect(generator.status).toBe('met');
    expect(renderMarkdown(report, [])).toMatch(
      /from a generator with no chunksize \(the executor sizes the chunks\): .*, 0\.50× \[/,
    );
    const markdown = renderMarkdown(report, []);
    expect(markdown).toContain('| ThreadPool burst ≥ 2× piscina | 2.50× [');
    expect(markdown).toContain(
      '| concur ThreadPoolExecutor | 125k/s | 44 µs | 20 µs | — | 1.95× [1.95–1.95] |',
    );
    expect(markdown).toContain('| piscina | 50k/s | 60 µs | — | — | 1.95× [1.95–1.95] |');
    expect(markdown).toContain('*Round trip, one CPU*: the same round trips with the measuring');
    expect(markdown).toContain('round-trip · warm · 2 workers · in-flight 1 · pinned to 1 CPU');
  });

  it('prints a terminal summary with the recommendation', () => {
    const text = renderTerminal(report);
    expect(text).toContain('== Crossover: speedup vs task duration');
    expect(text).toMatch(/strategy +configuration +job +per task +throughput +speedup/);
    expect(text).toMatch(/10\.00× \[10\.\d\d–10\.\d\d\]/);
    expect(text).toContain('Use the event loop for I/O');
  });

  it('re-parses its own JSON to the same summaries and rejects foreign files', () => {
    const again = parseReport(JSON.stringify(report), 'results.json');
    expect(again.summaries).toEqual(report.summaries);
    expect(() => parseReport('{"schema":"other"}', 'x.json')).toThrow(
      /x\.json is not a bench-runner report/,
    );
    expect(() => parseReport('{', 'y.json')).toThrow(/y\.json is not valid JSON/);
  });

  it('--compare flags a significant speedup regression and nothing for the same data', () => {
    expect(compareReports(report, report).every((c) => c.status === 'unchanged')).toBe(true);
    const slower = createSyntheticReport(0.5);
    const regressions = compareReports(report, slower).filter((c) => c.status === 'regressed');
    expect(regressions.map((c) => c.id)).toContain('crossover/concur-threads/1000us');
    expect(compareReports(slower, report).some((c) => c.status === 'improved')).toBe(true);
  });
});
