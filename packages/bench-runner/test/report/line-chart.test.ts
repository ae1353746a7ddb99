// The hand-written SVG: structure checked with small regexes (axes, one path per series,
// labels, legend), byte-stable output, escaping.
import { describe, expect, it } from 'vitest';
import { renderLineChart, type LineChart } from '@concur/bench-runner';

const chart: LineChart = {
  title: 'Speedup <vs> workers',
  xLabel: 'workers',
  yLabel: 'speedup (×)',
  xScale: 'linear',
  yScale: 'linear',
  series: [
    {
      name: 'threads',
      points: [
        { x: 1, y: 0.9, low: 0.8, high: 1 },
        { x: 2, y: 1.7, low: 1.5, high: 1.9 },
      ],
    },
    {
      name: 'processes',
      points: [
        { x: 1, y: 0.8 },
        { x: 2, y: 1.5 },
      ],
    },
    {
      name: 'ideal',
      dashed: true,
      points: [
        { x: 1, y: 1 },
        { x: 2, y: 2 },
      ],
    },
  ],
  referenceY: { y: 1, label: 'sequential' },
  shadeFromX: { x: 2, label: 'oversubscribed →' },
  footnote: 'npx nx run bench-runner:bench',
};

describe('renderLineChart', () => {
  const svg = renderLineChart(chart);

  it('is a standalone SVG document with a title and a description', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<title>Speedup &lt;vs&gt; workers</title>');
    expect(svg).toMatch(/<desc>speedup \(×\) vs workers: threads, processes, ideal<\/desc>/);
  });

  it('has both axes with ticks and axis titles', () => {
    expect(svg).toMatch(/<g class="axis x-axis">/);
    expect(svg).toMatch(/<g class="axis y-axis">/);
    expect(svg).toMatch(/class="axis-title"[^>]*>workers<\/text>/);
    expect(svg).toMatch(/class="axis-title"[^>]*>speedup \(×\)<\/text>/);
    expect((svg.match(/text-anchor="middle">\d/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('draws one path per series, whiskers for intervals, and a legend entry per series', () => {
    expect((svg.match(/<g class="series"/g) ?? []).length).toBe(3);
    expect((svg.match(/<g class="series"[^>]*>\n<path d="M/g) ?? []).length).toBe(3);
    expect((svg.match(/<g class="legend-item">/g) ?? []).length).toBe(3);
    for (const name of ['threads', 'processes', 'ideal']) expect(svg).toContain(`>${name}</text>`);
    expect(svg).toContain('stroke-dasharray="6 4"');
  });

  it('draws the reference line, the shaded region and the footnote', () => {
    expect(svg).toMatch(/class="reference"/);
    expect(svg).toContain('>sequential</text>');
    expect(svg).toMatch(/<rect class="shade"/);
    expect(svg).toContain('oversubscribed →');
    expect(svg).toMatch(/class="footnote"[^>]*>npx nx run bench-runner:bench</);
  });

  it('is byte-stable and handles log scales', () => {
    expect(renderLineChart(chart)).toBe(svg);
    const log = renderLineChart({ ...chart, xScale: 'log', yScale: 'log2', shadeFromX: undefined });
    expect(log).toMatch(/<g class="axis x-axis">/);
    expect(log).not.toContain('NaN');
  });

  it('refuses a chart without points', () => {
    expect(() => renderLineChart({ ...chart, series: [] })).toThrow(RangeError);
  });
});
