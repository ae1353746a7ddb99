// Tasks defined in the script Node runs, used from that script's top-level await.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('a task of the main script', () => {
  it('runs in a worker while the script is still in a top-level await', async () => {
    const script = fileURLToPath(new URL('./fixtures/main-script-tla.mjs', import.meta.url));
    const { stdout } = await run(process.execPath, [script], { timeout: 20_000 });
    expect(stdout.trim()).toBe('result: 42');
  });
});
