// Checks of the errors a fault should produce; each returns a short text for the figures.
import { expect } from 'vitest';
import { BrokenExecutorError, TimeoutError, WorkerCrashedError } from '@concur/core';
import { BrokenProcessPool, BrokenThreadPool } from '@concur/executors';

/** Asserts a WorkerCrashedError with the given exit code or signal; names the task. */
export function expectCrash(
  error: Error,
  expected: { exitCode?: number | null; signal?: NodeJS.Signals | null },
): string {
  expect(error).toBeInstanceOf(WorkerCrashedError);
  const crash = error as WorkerCrashedError;
  expect(crash.code).toBe('ERR_CONCUR_WORKER_CRASHED');
  if ('exitCode' in expected) expect(crash.exitCode).toBe(expected.exitCode);
  if ('signal' in expected) expect(crash.signal).toBe(expected.signal);
  expect(crash.taskName).toEqual(expect.any(String));
  expect(crash.message).toContain(crash.taskName);
  const how = crash.signal === null ? `code ${crash.exitCode}` : crash.signal;
  return `WorkerCrashedError (${how})`;
}

/** Asserts a TimeoutError naming the task. */
export function expectTimeout(error: Error): string {
  expect(error).toBeInstanceOf(TimeoutError);
  expect(error.message).toMatch(/timed out after \d+ ms/);
  return 'TimeoutError';
}

/** Asserts the pool's broken error (BrokenThreadPool / BrokenProcessPool). */
export function expectBroken(error: Error, name: 'BrokenThreadPool' | 'BrokenProcessPool'): string {
  expect(error).toBeInstanceOf(BrokenExecutorError);
  expect(error).toBeInstanceOf(name === 'BrokenThreadPool' ? BrokenThreadPool : BrokenProcessPool);
  expect(error.name).toBe(name);
  expect(error.message).toMatch(/initializer|before it was ready/);
  return name;
}
