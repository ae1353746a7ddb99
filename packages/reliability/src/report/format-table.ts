// Formats figures as Markdown tables, one per section, plus the crash totals line, so the
// same text prints at the end of the run, from `reliability:report`, and in RELIABILITY.md.
import { SECTIONS, type Figure, type FigureValue, type FiguresFile } from '../figures/figure.js';

const SECTION_TITLES: Record<(typeof SECTIONS)[number], string> = {
  crash: 'Crash matrix',
  exit: 'Exit',
  soak: 'Soak',
  input: 'Bad options (property-based, fast-check)',
  values: 'Values that cannot cross, missing tasks',
  security: 'Security',
};

/**
 * Renders every section that has figures as a Markdown table, then the totals.
 * @example
 * console.log(formatFigures(readFigures()));
 */
export function formatFigures(file: FiguresFile): string {
  const out: string[] = [];
  const env = Object.entries(file.environment)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  out.push(`concur reliability figures (${file.finishedAt}; ${env})`, '');
  for (const section of SECTIONS) {
    const rows = file.figures.filter((figure) => figure.section === section);
    if (rows.length === 0) continue;
    out.push(`### ${SECTION_TITLES[section]}`, '', ...formatSection(rows), '');
  }
  out.push(formatTotals(file.figures));
  return out.join('\n');
}

/** The line the issue asks for: crashes injected / futures left pending. */
export function formatTotals(figures: readonly Figure[]): string {
  const crashes = figures.filter((figure) => figure.section === 'crash');
  const injected = sum(crashes, 'injected');
  const pending = sum(crashes, 'pending');
  const failed = figures.filter((figure) => figure.values.ok === false).length;
  return `crashes injected: ${injected} / futures left pending: ${pending}; rows not ok: ${failed} of ${figures.length}`;
}

function formatSection(rows: readonly Figure[]): string[] {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
  const hasCurve = rows.some((row) => row.curve !== undefined);
  const header = ['subject', ...columns, ...(hasCurve ? ['rss MiB curve'] : [])];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const cells = [
      row.subject,
      ...columns.map((column) => formatValue(row.values[column])),
      ...(hasCurve ? [row.curve === undefined ? '' : formatCurve(row.curve)] : []),
    ];
    lines.push(`| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`);
  }
  return lines;
}

function formatValue(value: FigureValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
  return String(value);
}

/** At most 12 evenly spaced samples, rounded to whole MiB. */
function formatCurve(curve: readonly number[]): string {
  const step = Math.max(1, Math.ceil(curve.length / 12));
  const picked = curve.filter((_, index) => index % step === 0 || index === curve.length - 1);
  return picked.map((value) => Math.round(value)).join(' ');
}

function sum(figures: readonly Figure[], key: string): number {
  return figures.reduce((total, figure) => {
    const value = figure.values[key];
    return total + (typeof value === 'number' ? value : 0);
  }, 0);
}
