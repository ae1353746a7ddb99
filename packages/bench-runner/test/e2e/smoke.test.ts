// End to end: the built CLI with the smoke profile and a filter (one strategy, so it stays
// quick), its files, re-rendering from the JSON, --compare with itself, and a bad flag.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execaNode } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
/** The smoke run spawns a few processes; a loaded 2-core machine needs generous time. */
const E2E_TIMEOUT_MS = 180_000;
const out = mkdtempSync(join(tmpdir(), 'bench-e2e-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('bench CLI (smoke profile)', () => {
  it(
    'measures, writes JSON, Markdown and SVG, and prints the summary',
    async () => {
      const result = await execaNode(
        CLI,
        ['--profile', 'smoke', '--filter', 'crossover/raw-threads', '--out', out],
        {
          reject: false,
        },
      );
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout).toContain('== Crossover: speedup vs task duration');
      expect(result.stderr).toMatch(/round 2\/2 · raw-threads/);
      const files = readdirSync(out);
      expect(files).toEqual(
        expect.arrayContaining(['results.json', 'report.md', 'speedup-vs-duration.svg']),
      );
      const report = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
      expect(report.schema).toBe('concur-bench/v1');
      expect(report.summaries.length).toBeGreaterThan(0);
      for (const summary of report.summaries) {
        expect(summary.errors).toEqual([]);
        expect(summary.checksumOk).toBe(true);
        expect(summary.rounds).toBe(2);
      }
      expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('# concur bench report');
    },
    E2E_TIMEOUT_MS,
  );

  it(
    're-renders from the JSON without measuring, and --compare with itself passes',
    async () => {
      const rendered = join(out, 'rendered');
      const result = await execaNode(
        CLI,
        [
          '--render',
          join(out, 'results.json'),
          '--out',
          rendered,
          '--compare',
          join(out, 'results.json'),
        ],
        { reject: false },
      );
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stderr).not.toContain('round');
      expect(result.stdout).toMatch(/Compared with baseline: \d+ speedups, 0 regressed/);
      expect(readFileSync(join(rendered, 'report.md'), 'utf8')).toBe(
        readFileSync(join(out, 'report.md'), 'utf8'),
      );
    },
    E2E_TIMEOUT_MS,
  );

  it('exits 2 with a clear message on a bad flag', async () => {
    const result = await execaNode(CLI, ['--profile', 'fast'], { reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Expected the `--profile` option to be one of');
  });
});
