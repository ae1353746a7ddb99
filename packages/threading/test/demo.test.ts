// The demos end to end: the built demo CLI runs in a child `node` with short delays, and
// its output is checked line by line.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const DEMO = fileURLToPath(new URL('../dist/demo/index.js', import.meta.url));
/** Generous: a demo only starts a node process and a few threads. */
const DEMO_TIMEOUT_MS = 30_000;
const NUMBERS = [1, 2, 3, 4, 5].map((n) => `Number: ${n}`);
const LETTERS = [...'ABCDE'].map((l) => `Letter: ${l}`);

async function runDemo(...args: string[]): Promise<string[]> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [DEMO, ...args], {
    timeout: DEMO_TIMEOUT_MS,
  });
  expect(stderr).toBe('');
  return stdout.trimEnd().split('\n');
}

describe('threading demos', () => {
  it('threads: numbers and letters from two Threads, each in order, then completion', async () => {
    const lines = await runDemo('--delay-ms', '10', 'threads');
    expect(lines[0]).toBe('== Two Threads: print_numbers and print_letters (section 2) ==');
    expect(lines.filter((l) => l.startsWith('Number: '))).toEqual(NUMBERS);
    expect(lines.filter((l) => l.startsWith('Letter: '))).toEqual(LETTERS);
    expect(lines.slice(11)).toEqual([
      'Threads completed.',
      expect.stringMatching(/^\(took \d+\.\d\d s\)$/),
    ]);
  });

  it('async: the same functions alternate strictly on one event loop', async () => {
    const lines = await runDemo('--delay-ms', '10', 'async');
    expect(lines.slice(1, 11)).toEqual(NUMBERS.flatMap((n, i) => [n, LETTERS[i]]));
    expect(lines[11]).toBe('Async functions completed.');
  });

  it('async: the sleeps overlap, so it takes about one sequence, not two', async () => {
    const lines = await runDemo('--delay-ms', '200', 'async');
    const seconds = Number(/\(took (\d+\.\d+) s\)/.exec(lines.at(-1)!)![1]);
    // Sequential would be 2 s (10 x 200 ms); overlapped is about 1 s.
    expect(seconds).toBeGreaterThanOrEqual(0.9);
    expect(seconds).toBeLessThan(1.9);
  });

  it('class: each MyThread prints starting then finished with its own name', async () => {
    const lines = await runDemo('--delay-ms', '10', 'class');
    expect(lines[0]).toBe('== Thread with class: MyThread overrides run() ==');
    for (const name of ['Worker-1', 'Worker-2']) {
      const mine = lines.filter((l) => l.startsWith(name));
      expect(mine).toEqual([`${name} starting`, `${name} finished`]);
    }
  });

  it('race: a non-atomic read-modify-write loses updates without a Lock, none with one', async () => {
    const lines = await runDemo('race');
    expect(lines[2]).toBe('With a Lock:    counter = 200 (expected 200, 0 updates lost)');
    const match = /^Without a Lock: counter = (\d+) \(expected 200, (\d+) updates lost\)$/.exec(
      lines[1]!,
    );
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeLessThan(200);
    expect(Number(match![1]) + Number(match![2])).toBe(200);
  });

  it('rejects a bad --delay-ms or demo name with the one message template and exit code 2', async () => {
    await expect(runDemo('--delay-ms', 'soon')).rejects.toMatchObject({
      code: 2,
      stderr:
        'Expected the `--delay-ms` option to be a non-negative number of milliseconds, got `"soon"` (string).\n',
    });
    await expect(runDemo('nope')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        '`demo name` argument to be one of threads, async, class, race',
      ),
    });
  });
});
