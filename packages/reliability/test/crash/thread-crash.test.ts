// Crash matrix for ThreadPoolExecutor: each fault fails only its own future, within a bound,
// while neighbours complete, the pool keeps serving and no thread is left behind.
import { afterEach, describe, expect, it } from 'vitest';
import { ThreadPoolExecutor } from '@concur/executors';
import { exitLater, exitWith } from '../fixtures/exit-with.mjs';
import { throwLater } from '../fixtures/throw.mjs';
import { allocateForever } from '../fixtures/allocate-forever.mjs';
import { hangForever, spinForever } from '../fixtures/forever.mjs';
import { runCrashScenario } from '../helpers/crash-scenario.js';
import { expectCrash, expectTimeout } from '../helpers/expect-errors.js';

/** A per-task timeout short enough for CI, long enough that the task has started. */
const TASK_TIMEOUT_MS = 200;

const executors: ThreadPoolExecutor[] = [];
function createExecutor(options: ConstructorParameters<typeof ThreadPoolExecutor>[0] = {}) {
  const executor = new ThreadPoolExecutor({ maxWorkers: 2, ...options });
  executors.push(executor);
  return executor;
}

afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.shutdown()));
});

describe('ThreadPoolExecutor crash matrix', () => {
  it('process.exit(3) in a task fails that future with WorkerCrashedError(exit code 3)', async () => {
    await runCrashScenario('thread', createExecutor(), {
      label: 'process.exit(3)',
      inject: (executor) => executor.submit(exitWith, 3),
      check: (error) => expectCrash(error, { exitCode: 3 }),
    });
  });

  it('an error thrown from a timer callback fails that future with WorkerCrashedError', async () => {
    await runCrashScenario('thread', createExecutor(), {
      label: 'uncaught error in a timer',
      inject: (executor) => executor.submit(throwLater, 5),
      check: (error) => {
        const text = expectCrash(error, { exitCode: 1 });
        expect(String((error.cause as Error | undefined)?.message)).toContain(
          'thrown from a timer callback',
        );
        return text;
      },
    });
  });

  it('running out of heap under resourceLimits fails that future with WorkerCrashedError', async () => {
    const executor = createExecutor({ resourceLimits: { maxOldGenerationSizeMb: 16 } });
    await runCrashScenario('thread', executor, {
      label: 'OOM (maxOldGenerationSizeMb 16)',
      inject: (pool) => pool.submit(allocateForever),
      check: (error) => {
        const text = expectCrash(error, {});
        expect((error.cause as { code?: string } | undefined)?.code).toBe(
          'ERR_WORKER_OUT_OF_MEMORY',
        );
        return text;
      },
    });
  });

  it('a busy loop under a per-task timeout fails with TimeoutError and its thread is replaced', async () => {
    await runCrashScenario('thread', createExecutor(), {
      label: `busy loop, timeout ${TASK_TIMEOUT_MS} ms`,
      inject: (executor) => executor.submitWith({ timeout: TASK_TIMEOUT_MS }, spinForever),
      check: (error) => expectTimeout(error),
    });
  });

  it('a promise that never settles under a per-task timeout fails with TimeoutError', async () => {
    await runCrashScenario('thread', createExecutor(), {
      label: `never-settling promise, timeout ${TASK_TIMEOUT_MS} ms`,
      inject: (executor) => executor.submitWith({ timeout: TASK_TIMEOUT_MS }, hangForever),
      check: (error) => expectTimeout(error),
    });
  });

  it('a crash while the pool shuts down fails only that future and shutdown still resolves', async () => {
    await runCrashScenario('thread', createExecutor(), {
      label: 'process.exit(9) during shutdown',
      inject: (executor) => executor.submit(exitLater, 30, 9),
      check: (error) => expectCrash(error, { exitCode: 9 }),
      duringShutdown: true,
    });
  });
});
