// The demos end to end, with short delays: the tutorial's section 3 and the producer /
// consumer over a Queue, run as Node would run them.
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const demo = fileURLToPath(new URL('../../dist/demo/index.js', import.meta.url));
const runDemo = (only: string) =>
  execa('node', [demo, '--delay-ms', '5', '--only', only], { timeout: 30_000 });

describe('demos', () => {
  it('section 3: three processes print their names and numbers', async () => {
    const { stdout } = await runDemo('tutorial');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('== Section 3: three processes ==');
    for (const n of [0, 1, 2]) {
      const name = `Process-${n + 1}`;
      const working = lines.indexOf(`${name} working on ${n}`);
      expect(working).toBeGreaterThan(0);
      expect(lines.indexOf(`${name} done.`)).toBeGreaterThan(working);
    }
    expect(lines.at(-1)).toBe('All processes finished.');
    expect(lines).toHaveLength(8);
  });

  it('producer / consumer: every job is produced once and consumed once', async () => {
    const { stdout } = await runDemo('queue');
    const produced = [...stdout.matchAll(/produced job (\d+)/g)].map((m) => Number(m[1]));
    const consumed = [...stdout.matchAll(/consumed job (\d+)/g)].map((m) => Number(m[1]));
    const all = Array.from({ length: 10 }, (_, i) => i);
    expect(produced.sort((a, b) => a - b)).toEqual(all);
    expect(consumed.sort((a, b) => a - b)).toEqual(all);
    expect(stdout.match(/finished\./g)).toHaveLength(2);
    expect(stdout.trim().split('\n').at(-1)).toBe('All 10 jobs consumed.');
  });

  it('rejects a bad --delay-ms', async () => {
    const result = await execa('node', [demo, '--delay-ms', 'soon'], { reject: false });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain(
      'Expected `--delay-ms` to be a non-negative number, got `soon`.',
    );
  });
});
