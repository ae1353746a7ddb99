// A dependency-free SVG line chart: axes with ticks and titles, one path per series with
// interval whiskers, a reference line, a shaded region and a legend outside the plot.
import { createScale, formatNumber, px, type ScaleKind } from './scale.js';

/** One point; `low`/`high` draw an interval whisker. */
export interface ChartPoint {
  readonly x: number;
  readonly y: number;
  readonly low?: number;
  readonly high?: number;
}

/** One line. */
export interface ChartSeries {
  readonly name: string;
  readonly points: readonly ChartPoint[];
  /** Draw dashed (reference lines such as "ideal"). */
  readonly dashed?: boolean;
}

/** Everything a chart shows. */
export interface LineChart {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xScale: ScaleKind;
  readonly yScale: ScaleKind;
  readonly series: readonly ChartSeries[];
  /** A horizontal line, e.g. speedup 1.0 ("parallelism loses below"). */
  readonly referenceY?: { readonly y: number; readonly label: string };
  /** Shade x ≥ this value, e.g. oversubscribed worker counts. */
  readonly shadeFromX?: { readonly x: number; readonly label: string };
  /** A footnote: the command and data file that produced the chart. */
  readonly footnote?: string;
}

const WIDTH = 760;
const HEIGHT = 440;
const MARGIN = { top: 40, right: 200, bottom: 70, left: 70 };
/** Okabe–Ito: readable by colour-blind readers. */
const COLORS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
  '#000000',
  '#999999',
];
const MARKERS = ['circle', 'square', 'diamond', 'triangle'] as const;

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function marker(kind: (typeof MARKERS)[number], x: number, y: number, color: string): string {
  const fill = `fill="${color}"`;
  if (kind === 'circle') return `<circle cx="${px(x)}" cy="${px(y)}" r="3.5" ${fill}/>`;
  if (kind === 'square')
    return `<rect x="${px(x - 3.5)}" y="${px(y - 3.5)}" width="7" height="7" ${fill}/>`;
  if (kind === 'diamond')
    return `<path d="M${px(x)} ${px(y - 4.5)}L${px(x + 4.5)} ${px(y)}L${px(x)} ${px(y + 4.5)}L${px(x - 4.5)} ${px(y)}Z" ${fill}/>`;
  return `<path d="M${px(x)} ${px(y - 4.5)}L${px(x + 4.5)} ${px(y + 4)}L${px(x - 4.5)} ${px(y + 4)}Z" ${fill}/>`;
}

/**
 * Renders the chart as a standalone SVG document.
 * @throws RangeError when no series has a point.
 * @example
 * renderLineChart({ title: 'Speedup', xLabel: 'workers', yLabel: 'speedup ×', xScale: 'linear', yScale: 'linear', series });
 */
export function renderLineChart(chart: LineChart): string {
  const points = chart.series.flatMap((s) => s.points);
  if (points.length === 0) throw new RangeError(`Chart "${chart.title}" has no points.`);
  const ys = points
    .flatMap((p) => [p.y, p.low ?? p.y, p.high ?? p.y])
    .filter((y) => y > 0 || chart.yScale === 'linear');
  if (chart.referenceY) ys.push(chart.referenceY.y);
  const xs = points.map((p) => p.x);
  const yMin = chart.yScale === 'linear' ? Math.min(0, ...ys) : Math.min(...ys);
  const x = createScale(
    chart.xScale,
    [Math.min(...xs), Math.max(...xs)],
    [MARGIN.left, WIDTH - MARGIN.right],
  );
  const y = createScale(
    chart.yScale,
    [yMin, Math.max(...ys)],
    [HEIGHT - MARGIN.bottom, MARGIN.top],
  );
  const plotBottom = HEIGHT - MARGIN.bottom;
  const plotRight = WIDTH - MARGIN.right;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escape(chart.title)}</title>`,
    `<desc>${escape(`${chart.yLabel} vs ${chart.xLabel}: ${chart.series.map((s) => s.name).join(', ')}`)}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${px(WIDTH / 2 - MARGIN.right / 2)}" y="22" text-anchor="middle" font-size="15" font-weight="600">${escape(chart.title)}</text>`,
  ];
  if (chart.shadeFromX) {
    const left = Math.max(MARGIN.left, x(chart.shadeFromX.x));
    out.push(
      `<rect class="shade" x="${px(left)}" y="${MARGIN.top}" width="${px(plotRight - left)}" height="${plotBottom - MARGIN.top}" fill="#eeeeee"/>`,
      `<text x="${px(plotRight - 4)}" y="${MARGIN.top + 14}" text-anchor="end" fill="#666666">${escape(chart.shadeFromX.label)}</text>`,
    );
  }
  out.push(
    `<g class="axis x-axis">`,
    `<line x1="${MARGIN.left}" y1="${plotBottom}" x2="${plotRight}" y2="${plotBottom}" stroke="#333333"/>`,
  );
  for (const tick of x.ticks) {
    out.push(
      `<line x1="${px(x(tick))}" y1="${plotBottom}" x2="${px(x(tick))}" y2="${plotBottom + 5}" stroke="#333333"/>`,
      `<text x="${px(x(tick))}" y="${plotBottom + 18}" text-anchor="middle">${formatNumber(tick)}</text>`,
    );
  }
  out.push(
    `<text class="axis-title" x="${px((MARGIN.left + plotRight) / 2)}" y="${plotBottom + 40}" text-anchor="middle">${escape(chart.xLabel)}</text>`,
    `</g>`,
  );
  out.push(
    `<g class="axis y-axis">`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${plotBottom}" stroke="#333333"/>`,
  );
  for (const tick of y.ticks) {
    out.push(
      `<line x1="${MARGIN.left - 5}" y1="${px(y(tick))}" x2="${plotRight}" y2="${px(y(tick))}" stroke="#dddddd"/>`,
      `<text x="${MARGIN.left - 8}" y="${px(y(tick) + 4)}" text-anchor="end">${formatNumber(tick)}</text>`,
    );
  }
  out.push(
    `<text class="axis-title" transform="translate(18 ${px((MARGIN.top + plotBottom) / 2)}) rotate(-90)" text-anchor="middle">${escape(chart.yLabel)}</text>`,
    `</g>`,
  );
  if (chart.referenceY) {
    const ry = y(chart.referenceY.y);
    out.push(
      `<line class="reference" x1="${MARGIN.left}" y1="${px(ry)}" x2="${plotRight}" y2="${px(ry)}" stroke="#000000" stroke-dasharray="2 3"/>`,
      `<text x="${MARGIN.left + 4}" y="${px(ry - 4)}" fill="#333333">${escape(chart.referenceY.label)}</text>`,
    );
  }
  chart.series.forEach((series, index) => {
    const color = COLORS[index % COLORS.length]!;
    const sorted = [...series.points].sort((a, b) => a.x - b.x);
    const d = sorted.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(x(p.x))} ${px(y(p.y))}`).join('');
    out.push(
      `<g class="series" data-series="${escape(series.name)}">`,
      `<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    for (const p of sorted) {
      if (p.low !== undefined && p.high !== undefined && p.low > 0) {
        out.push(
          `<line x1="${px(x(p.x))}" y1="${px(y(p.low))}" x2="${px(x(p.x))}" y2="${px(y(p.high))}" stroke="${color}" stroke-width="1"/>`,
        );
      }
      if (!series.dashed) out.push(marker(MARKERS[index % MARKERS.length]!, x(p.x), y(p.y), color));
    }
    out.push(`</g>`);
    const ly = MARGIN.top + 10 + index * 20;
    out.push(
      `<g class="legend-item"><line x1="${plotRight + 16}" y1="${ly}" x2="${plotRight + 40}" y2="${ly}" stroke="${color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${plotRight + 46}" y="${ly + 4}">${escape(series.name)}</text></g>`,
    );
  });
  if (chart.footnote) {
    out.push(
      `<text class="footnote" x="${MARGIN.left}" y="${HEIGHT - 10}" font-size="10" fill="#666666">${escape(chart.footnote)}</text>`,
    );
  }
  out.push(`</svg>`);
  return `${out.join('\n')}\n`;
}
