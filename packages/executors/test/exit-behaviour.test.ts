// Process exit, checked in fresh node processes: an idle executor never keeps the process
// alive, work submitted before the main code ends still completes (Python's exit-time join),
// and a script that never calls shutdown exits on its own.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** How long a script may take before it counts as hanging: generous, the machine is shared. */
const HANG_AFTER_MS = 25_000;

// Scripts are files (not `-e`), because workers inherit the parent's execArgv. They live in
// a temporary folder inside the package so `@concur/executors` resolves from them.
let directory: string;
let count = 0;
beforeAll(async () => {
  directory = await mkdtemp(join(import.meta.dirname, 'tmp-exit-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function runScript(source: string) {
  const file = join(directory, `script-${count++}.mjs`);
  await writeFile(file, source.replaceAll('./fixtures/', '../fixtures/'));
  const { stdout } = await run(process.execPath, [file], {
    timeout: HANG_AFTER_MS,
    encoding: 'utf8',
    // Nx runs tasks with FORCE_COLOR set; plain lines are compared here.
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return stdout.trim().split('\n');
}

describe.each(['ThreadPoolExecutor', 'ProcessPoolExecutor'])('%s and process exit', (name) => {
  it('exits on its own when an executor that did work is never shut down', async () => {
    const lines = await runScript(`
      import { ${name} } from '@concur/executors';
      import { square } from './fixtures/echo.mjs';
      const executor = new ${name}({ maxWorkers: 2 });
      console.log(await executor.submit(square, 7));
      console.log(await executor.map(square, [1, 2, 3]));
    `);
    expect(lines).toEqual(['49', '[ 1, 4, 9 ]']);
  });

  it('finishes work submitted before the main code ended', async () => {
    const lines = await runScript(`
      import { ${name} } from '@concur/executors';
      import { sleep } from './fixtures/sleep.mjs';
      const executor = new ${name}({ maxWorkers: 1 });
      for (const n of [1, 2, 3]) {
        executor.submit(sleep, 20, n).addDoneCallback((f) => f.result().then(console.log));
      }
    `);
    expect(lines).toEqual(['1', '2', '3']);
  });

  it('exits when an idle executor was never used', async () => {
    const lines = await runScript(`
      import { ${name} } from '@concur/executors';
      new ${name}();
      console.log('created');
    `);
    expect(lines).toEqual(['created']);
  });
});
