// The demo end to end, with short sleeps: the tutorial's section 5 output, then asCompleted
// and wait.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const demo = fileURLToPath(new URL('../../dist/demo/index.js', import.meta.url));
/**
 * The demo's sleep unit in the test: asCompleted's jobs finish 1, 2 and 3 units after they
 * start, so a unit must exceed how unevenly three freshly started threads begin (tens of ms
 * on a loaded 2-core machine).
 */
const DELAY_MS = '150';

describe('executors demo', () => {
  it('prints the tutorial results for both pools, then asCompleted and wait', async () => {
    const { stdout } = await run(process.execPath, [demo, '--delay-ms', DELAY_MS], {
      timeout: 60_000,
      encoding: 'utf8',
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^ThreadPool results: \[1, 4, 9, 16, 25\] {3}\(\d+\.\d s\)$/);
    expect(lines[1]).toMatch(/^ProcessPool results: \[1, 4, 9, 16, 25\] {3}\(\d+\.\d s\)$/);
    expect(lines.slice(2)).toEqual([
      'asCompleted order: fast, medium, slow',
      'wait FIRST_COMPLETED: 1 done, 2 not done',
      'wait ALL_COMPLETED: 3 done, 0 not done',
    ]);
  });

  it('rejects a bad --delay-ms', async () => {
    await expect(run(process.execPath, [demo, '--delay-ms', 'soon'])).rejects.toThrow(
      'Expected the `--delay-ms` argument to be a non-negative integer, got `NaN` (number).',
    );
  });
});
