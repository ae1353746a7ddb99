// remoteTask(): parsing 'package#export' and './path#export' references, and refusing
// references that would name the client's disk.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EventLoopExecutor } from '@concur/executors';
import {
  getTaskAddress,
  isRemoteTask,
  remoteTask,
  REMOTE_TASK_ADDRESS,
  type RemoteTask,
} from '@concur/distributed';

describe('remoteTask', () => {
  it('parses package specifiers, subpaths and root-relative paths', () => {
    expect(remoteTask('@acme/jobs#resize')[REMOTE_TASK_ADDRESS]).toEqual({
      module: '@acme/jobs',
      exportName: 'resize',
    });
    expect(remoteTask('jobs/images#resize')[REMOTE_TASK_ADDRESS]).toEqual({
      module: 'jobs/images',
      exportName: 'resize',
    });
    expect(remoteTask('./lib/jobs.mjs#default')[REMOTE_TASK_ADDRESS]).toEqual({
      module: './lib/jobs.mjs',
      exportName: 'default',
    });
    expect(isRemoteTask(remoteTask('a#b'))).toBe(true);
    expect(isRemoteTask({})).toBe(false);
  });

  it('refuses references without an export, absolute paths, URLs and escapes from the root', () => {
    expect(() => remoteTask('@acme/jobs')).toThrow(/got `@acme\/jobs` \(no `#export`\)/);
    expect(() => remoteTask('/srv/jobs.mjs#run')).toThrow(
      /Absolute paths and file:\/\/ URLs are not allowed/,
    );
    expect(() => remoteTask('file:///srv/jobs.mjs#run')).toThrow(
      /Absolute paths and file:\/\/ URLs are not allowed/,
    );
    expect(() => remoteTask('./../secrets.mjs#run')).toThrow(/must stay inside the worker's root/);
    expect(() => remoteTask(42 as never)).toThrow(
      "Expected the `reference` argument to be '<package>#<export>' or './<path from the worker root>#<export>', got `42` (number).",
    );
  });

  it('runs on local executors too when it names a package installed here', async () => {
    await using local = new EventLoopExecutor();
    const sleepTask = remoteTask<(ms: number, value: string) => Promise<string>>(
      '@concur/core/workloads#sleepTask',
    );
    expect(await local.submit(sleepTask, 1, 'local')).toBe('local');
    await expect(local.submit(remoteTask('./jobs.mjs#run'))).rejects.toThrow(
      /concur-worker-root:\.\/jobs\.mjs/,
    );
  });

  it('is its own address and carries the signature as a type', async () => {
    const task = remoteTask<(n: number) => string>('@acme/jobs#format');
    expect(await getTaskAddress(task)).toEqual({ module: '@acme/jobs', exportName: 'format' });
    expectTypeOf(task).toEqualTypeOf<RemoteTask<(n: number) => string>>();
  });
});
