// Crash matrix for ProcessPoolExecutor: exits, uncaught errors, signals from inside and
// outside, hangs under a timeout, a crash during shutdown — each fails only its own future,
// neighbours complete, the pool keeps serving and no child process is left behind.
import { afterEach, describe, expect, it } from 'vitest';
import { Future, ProcessPoolExecutor } from '@concur/executors';
import { exitLater, exitWith, signalSelf } from '../fixtures/exit-with.mjs';
import { throwLater } from '../fixtures/throw.mjs';
import { hangForever, spinForever } from '../fixtures/forever.mjs';
import { whoAmI } from '../fixtures/echo.mjs';
import { sleep } from '../fixtures/sleep.mjs';
import { runCrashScenario } from '../helpers/crash-scenario.js';
import { expectCrash, expectTimeout } from '../helpers/expect-errors.js';
import { findDescendants } from '../helpers/children.js';

/** A per-task timeout short enough for CI, long enough that the task has started. */
const TASK_TIMEOUT_MS = 300;
/** How long after submitting the long task the test kills its child, in ms (it is sent by then). */
const KILL_AFTER_MS = 200;

const executors: ProcessPoolExecutor[] = [];
function createExecutor(options: ConstructorParameters<typeof ProcessPoolExecutor>[0] = {}) {
  const executor = new ProcessPoolExecutor({ maxWorkers: 2, ...options });
  executors.push(executor);
  return executor;
}

afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.shutdown()));
  expect(findDescendants()).toEqual([]);
});

describe('ProcessPoolExecutor crash matrix', () => {
  it('process.exit(3) in a task fails that future with WorkerCrashedError(exit code 3)', async () => {
    await runCrashScenario('process', createExecutor(), {
      label: 'process.exit(3)',
      inject: (executor) => executor.submit(exitWith, 3),
      check: (error) => expectCrash(error, { exitCode: 3, signal: null }),
    });
  });

  it('an error thrown from a timer callback fails that future with WorkerCrashedError', async () => {
    await runCrashScenario('process', createExecutor(), {
      label: 'uncaught error in a timer',
      inject: (executor) => executor.submit(throwLater, 5),
      check: (error) => expectCrash(error, { exitCode: 1, signal: null }),
    });
  });

  for (const signal of ['SIGKILL', 'SIGSEGV'] as const) {
    it(`a child that gets ${signal} fails that future with WorkerCrashedError(${signal})`, async () => {
      await runCrashScenario('process', createExecutor(), {
        label: `${signal} (from the task)`,
        inject: (executor) => executor.submit(signalSelf, signal),
        check: (error) => expectCrash(error, { exitCode: null, signal }),
      });
    });
  }

  it('a SIGKILL sent by someone else to a busy child fails only the task it ran', async () => {
    // One child, so the long task surely runs in the child whose pid we learned.
    await runCrashScenario('process', createExecutor({ maxWorkers: 1 }), {
      label: 'SIGKILL (from outside)',
      inject: (executor) => {
        const victim = new Future<unknown>();
        victim.setRunningOrNotifyCancel();
        void executor.submit(whoAmI).then(async (pid) => {
          const task = executor.submit(sleep, 60_000, 'never');
          await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
          process.kill(pid as number, 'SIGKILL');
          task.then(
            (value) => victim.setResult(value),
            (error: unknown) => victim.setException(error),
          );
        });
        return victim;
      },
      check: (error) => expectCrash(error, { exitCode: null, signal: 'SIGKILL' }),
    });
  });

  it('a busy loop under a per-task timeout fails with TimeoutError and its child is killed', async () => {
    await runCrashScenario('process', createExecutor(), {
      label: `busy loop, timeout ${TASK_TIMEOUT_MS} ms`,
      inject: (executor) => executor.submitWith({ timeout: TASK_TIMEOUT_MS }, spinForever),
      check: (error) => expectTimeout(error),
    });
  });

  it('a promise that never settles under a per-task timeout fails with TimeoutError', async () => {
    await runCrashScenario('process', createExecutor(), {
      label: `never-settling promise, timeout ${TASK_TIMEOUT_MS} ms`,
      inject: (executor) => executor.submitWith({ timeout: TASK_TIMEOUT_MS }, hangForever),
      check: (error) => expectTimeout(error),
    });
  });

  it('a crash while the pool shuts down fails only that future and shutdown still resolves', async () => {
    await runCrashScenario('process', createExecutor(), {
      label: 'process.exit(9) during shutdown',
      inject: (executor) => executor.submit(exitLater, 30, 9),
      check: (error) => expectCrash(error, { exitCode: 9, signal: null }),
      duringShutdown: true,
    });
  });
});
