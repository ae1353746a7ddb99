// Writes a report's files: results.json (the source of truth), report.md and the SVG charts.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderCharts } from './charts.js';
import { renderMarkdown } from './markdown.js';
import type { BenchReport } from './schema.js';

/** The JSON file name inside the output directory. */
export const RESULTS_FILE = 'results.json';
/** The Markdown file name inside the output directory. */
export const MARKDOWN_FILE = 'report.md';

/**
 * Renders and writes every file; returns their paths.
 * @throws Error when the directory cannot be written.
 */
export async function writeReport(report: BenchReport, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const charts = renderCharts(report, `${report.command} · data: ${RESULTS_FILE}`);
  const files: [string, string][] = [
    [RESULTS_FILE, `${JSON.stringify(report, null, 1)}\n`],
    [MARKDOWN_FILE, renderMarkdown(report, charts)],
    ...charts.map((chart): [string, string] => [chart.file, chart.svg]),
  ];
  for (const [name, text] of files) await writeFile(join(outDir, name), text);
  return files.map(([name]) => join(outDir, name));
}
