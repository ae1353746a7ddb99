// getTaskAddress(): tasks from defineTask / taskFrom become "file inside package" addresses;
// tasks outside any package are refused with what to do instead.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { taskFrom } from '@concur/core';
import { sleepTask } from '@concur/core/workloads';
import { getTaskAddress } from '@concur/distributed';
import { echo } from '../fixtures/echo.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('getTaskAddress', () => {
  it('maps a defineTask task to its package and the file inside it', async () => {
    expect(await getTaskAddress(echo)).toEqual({
      package: '@concur/distributed',
      module: './test/fixtures/echo.mjs',
      exportName: 'echo',
    });
    expect(await getTaskAddress(sleepTask)).toEqual({
      package: '@concur/core',
      module: './dist/workloads/io.js',
      exportName: 'sleepTask',
    });
  });

  it('refuses a task whose module is in no named package, saying what to use instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concur-no-package-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const task = taskFrom(pathToFileURL(join(dir, 'jobs.mjs')), 'run');
    await expect(getTaskAddress(task)).rejects.toThrow(
      /Task `run` \(file:.*jobs\.mjs\) cannot run on other machines: its module is not inside a package with a name\. .*remoteTask\('<package>#<export>'\)/,
    );
  });

  it('refuses a task whose module is not a file', async () => {
    const task = taskFrom('data:text/javascript,export const run = () => 1', 'run');
    await expect(getTaskAddress(task)).rejects.toThrow(/its module is not a file/);
  });

  it('rejects values that are not tasks', async () => {
    await expect(getTaskAddress(() => 1)).rejects.toThrow(
      /Expected the `task` argument to be a task/,
    );
  });
});
