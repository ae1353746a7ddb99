#!/usr/bin/env node
// The bench command: parses flags, measures (or re-renders a stored JSON with --render),
// writes JSON, Markdown and SVG, prints the summary, and with --compare exits 1 on a
// significant regression. Exit codes: 0 ok, 1 regression or failed run, 2 bad flags.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { runBenchmark } from './measure/run-benchmark.js';
import { HELP_TEXT, parseArgs, type CliOptions } from './options/parse-args.js';
import { parseReport } from './report/build-report.js';
import { compareReports, renderComparison } from './report/compare.js';
import type { BenchReport } from './report/schema.js';
import { renderTerminal } from './report/terminal.js';
import { writeReport } from './report/write-report.js';

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Exit code for bad command-line flags. */
const EXIT_USAGE = 2;
/** Exit code for a regression found by --compare, or a run that failed. */
const EXIT_FAILURE = 1;

async function loadReport(file: string): Promise<BenchReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read ${file}: ${(cause as Error).message}`);
  }
  return parseReport(text, file);
}

async function main(options: CliOptions, command: string): Promise<number> {
  const report =
    options.render === undefined
      ? await runBenchmark(options, command)
      : await loadReport(options.render);
  const files = await writeReport(report, options.out);
  process.stdout.write(renderTerminal(report));
  process.stdout.write(
    `\nWrote ${files.map((file) => relative(process.cwd(), file) || file).join(', ')}\n`,
  );
  if (options.compare === undefined) return 0;
  const comparisons = compareReports(await loadReport(options.compare), report);
  process.stdout.write(renderComparison(comparisons));
  return comparisons.some((c) => c.status === 'regressed') ? EXIT_FAILURE : 0;
}

const argv = process.argv.slice(2);
let options: CliOptions;
try {
  options = parseArgs(argv, process.cwd(), join(PACKAGE_ROOT, 'bench-results'));
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exit(EXIT_USAGE);
}
if (options.help) {
  process.stdout.write(HELP_TEXT);
} else {
  const command = `npx nx run bench-runner:bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
  try {
    process.exitCode = await main(options, command);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exitCode = EXIT_FAILURE;
  }
}
