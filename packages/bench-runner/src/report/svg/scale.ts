// Axis scales for the hand-written SVG charts: linear and logarithmic, with "nice" 1-2-5
// ticks and deterministic number formatting.

/** A scale maps data values to pixels and proposes ticks. */
export interface Scale {
  (value: number): number;
  readonly ticks: readonly number[];
}

/** Linear or logarithmic (base 10; base 2 for ratios). */
export type ScaleKind = 'linear' | 'log' | 'log2';

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Creates a scale from the domain `[min, max]` to the pixel range `[from, to]`.
 * Linear domains are widened to nice tick multiples; log domains to whole decades (log)
 * or powers of two (log2).
 * @example
 * createScale('linear', [0, 9], [0, 100]).ticks; // [0, 2, 4, 6, 8, 10]
 */
export function createScale(
  kind: ScaleKind,
  [min, max]: readonly [number, number],
  [from, to]: readonly [number, number],
): Scale {
  let low = min;
  let high = max;
  let ticks: number[];
  let transform: (value: number) => number;
  if (kind === 'linear') {
    if (high === low) high = low + 1;
    const step = niceStep(high - low, 5);
    low = Math.floor(low / step) * step;
    high = Math.ceil(high / step) * step;
    ticks = [];
    for (let t = low; t <= high + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
    transform = (value) => value;
  } else {
    const base = kind === 'log' ? 10 : 2;
    const log = (value: number): number =>
      Math.log(Math.max(value, Number.MIN_VALUE)) / Math.log(base);
    low = base ** Math.floor(log(low));
    high = base ** Math.ceil(log(high));
    if (high === low) high = low * base;
    ticks = [];
    for (let e = Math.round(log(low)); e <= Math.round(log(high)); e++) ticks.push(base ** e);
    transform = log;
  }
  const t0 = transform(low);
  const t1 = transform(high);
  const scale = ((value: number) =>
    from + ((transform(value) - t0) / (t1 - t0)) * (to - from)) as Scale;
  return Object.assign(scale, { ticks });
}

/**
 * Formats a tick or label compactly: 1.5k, 20M, 0.5, 100µ-style units are left to callers.
 * @example
 * formatNumber(15000); // '15k'
 */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (abs >= 1e3) return `${Number((value / 1e3).toPrecision(3))}k`;
  if (abs === 0) return '0';
  if (abs < 0.01) return value.toExponential(0);
  return String(Number(value.toPrecision(3)));
}

/** Rounds a pixel coordinate to one decimal, so the SVG is byte-stable. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}
