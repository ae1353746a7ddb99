// Collects vitest results per Node version and package into a TSV file and prints them as a
// table (node version × package → passed/failed), for .ci/run and tools/test-node-matrix.sh.
//
// Usage:
//   node tools/test-summary.mjs nx <rows.tsv> <nx-output.log> <node-version> <project...>
//       one row per project from an `nx run-many -t test --output-style=static` log
//   node tools/test-summary.mjs vitest <rows.tsv> <vitest-output.log> <node-version> <package> <exit-code>
//       one row from a plain `vitest run` log
//   node tools/test-summary.mjs table <rows.tsv>
//       prints the table and a closing `tests: N passed, N failed` line; exit 1 on any failure
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

// Matches ANSI colour codes, which vitest and Nx print even when stdout is not a terminal.
const ANSI = new RegExp(String.raw`\u001b\[[0-9;]*m`, 'g');

function readLog(path) {
  return readFileSync(path, 'utf8').replace(ANSI, '');
}

/** Counts from vitest's `Tests  1 failed | 61 passed (62)` summary line, or undefined. */
function parseVitestSummary(text) {
  const line = text.split('\n').find((l) => /^\s*Tests\s+\d+ \w+/.test(l));
  if (line === undefined) return undefined;
  const count = (word) => Number(line.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

/** Status of one run: its counts decide, but a non-zero exit without failed tests is an error. */
function row(node, pkg, counts, exitCode) {
  if (counts === undefined) return [node, pkg, 0, 0, exitCode === 0 ? 'no tests' : 'error'];
  let status = counts.failed > 0 ? 'failed' : 'passed';
  if (exitCode !== 0 && counts.failed === 0) status = 'error';
  return [node, pkg, counts.passed, counts.failed, status];
}

/** Splits an Nx static log into per-task blocks keyed by `project:target`. */
function nxBlocks(text) {
  const blocks = new Map();
  let current;
  for (const line of text.split('\n')) {
    const header = line.match(/^> nx run ([\w.-]+:[\w.-]+)/);
    if (header) {
      current = header[1];
      blocks.set(current, '');
    } else if (/^ NX {3}/.test(line)) {
      current = undefined;
    } else if (current !== undefined) {
      blocks.set(current, `${blocks.get(current)}${line}\n`);
    }
  }
  return blocks;
}

function failedTasks(text) {
  const tail = text.split('Failed tasks:')[1] ?? '';
  return new Set([...tail.matchAll(/^- ([\w.-]+:[\w.-]+)/gm)].map((m) => m[1]));
}

function collectNx(rowsFile, logFile, node, projects) {
  const text = readLog(logFile);
  const blocks = nxBlocks(text);
  const failed = failedTasks(text);
  for (const project of projects) {
    const task = `${project}:test`;
    if (!blocks.has(task)) {
      append(rowsFile, [node, project, 0, 0, 'not run']);
      continue;
    }
    const exitCode = failed.has(task) ? 1 : 0;
    append(rowsFile, row(node, project, parseVitestSummary(blocks.get(task)), exitCode));
  }
}

function append(rowsFile, cells) {
  appendFileSync(rowsFile, `${cells.join('\t')}\n`);
}

function printTable(rowsFile) {
  const rows = existsSync(rowsFile)
    ? readFileSync(rowsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t'))
    : [];
  const head = ['node', 'package', 'passed', 'failed', 'status'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const format = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(format(head));
  console.log(format(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(format(r));
  const passed = rows.reduce((sum, r) => sum + Number(r[2]), 0);
  const failed = rows.reduce((sum, r) => sum + Number(r[3]), 0);
  const bad = rows.filter((r) => r[4] !== 'passed');
  console.log('');
  if (bad.length > 0) {
    console.log(`not passed: ${bad.map((r) => `${r[1]} on ${r[0]} (${r[4]})`).join(', ')}`);
  }
  console.log(`tests: ${passed} passed, ${failed} failed`);
  return rows.length > 0 && bad.length === 0;
}

const [command, rowsFile, ...rest] = process.argv.slice(2);
if (command === 'nx' && rest.length >= 3) {
  collectNx(rowsFile, rest[0], rest[1], rest.slice(2));
} else if (command === 'vitest' && rest.length === 4) {
  const [logFile, node, pkg, exitCode] = rest;
  append(rowsFile, row(node, pkg, parseVitestSummary(readLog(logFile)), Number(exitCode)));
} else if (command === 'table' && rowsFile !== undefined) {
  process.exitCode = printTable(rowsFile) ? 0 : 1;
} else {
  console.error(
    `test-summary: Expected \`nx <rows> <log> <node> <project...>\`, \`vitest <rows> <log> <node> <package> <exit-code>\` or \`table <rows>\`, got \`${process.argv.slice(2).join(' ')}\`.`,
  );
  process.exitCode = 2;
}
