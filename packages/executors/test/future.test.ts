// Future: one state field, cancel rules, result/exception with timeouts, done callbacks,
// and no unhandled rejection for a failed future nobody awaits.
import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { CancelledError, InvalidStateError, TimeoutError } from '@concur/core';
import { Future } from '@concur/executors';

describe('Future', () => {
  it('goes pending → running → finished and is awaitable', async () => {
    const future = new Future<number>();
    expect(future.state).toBe('pending');
    expect(future.setRunningOrNotifyCancel()).toBe(true);
    expect(future.running()).toBe(true);
    expect(future.cancel()).toBe(false);
    future.setResult(42);
    expect(future.state).toBe('finished');
    expect(future.done()).toBe(true);
    expect(await future).toBe(42);
    expect(await future.result()).toBe(42);
    expect(await future.exception()).toBeUndefined();
    expect(future.cancel()).toBe(false);
    expect(String(future)).toBe('Future<finished returned number>');
  });

  it('cancels only while pending, and stays cancelled', async () => {
    const future = new Future<number>();
    const waiting = future.result();
    expect(future.cancel()).toBe(true);
    expect(future.cancel()).toBe(true);
    expect(future.cancelled()).toBe(true);
    expect(future.done()).toBe(true);
    expect(future.setRunningOrNotifyCancel()).toBe(false);
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
    await expect(future.result()).rejects.toBeInstanceOf(CancelledError);
    await expect(future.exception()).rejects.toBeInstanceOf(CancelledError);
    expect(() => future.setResult(1)).toThrow(InvalidStateError);
  });

  it('gives the error through await, result() and exception()', async () => {
    const future = new Future<number>();
    const error = new RangeError('boom');
    future.setException(error);
    await expect(future).rejects.toBe(error);
    await expect(future.result()).rejects.toBe(error);
    expect(await future.exception()).toBe(error);
    expect(() => future.setException(error)).toThrow(InvalidStateError);
  });

  it('times out a wait without affecting the future', async () => {
    const future = new Future<string>();
    await expect(future.result(5)).rejects.toBeInstanceOf(TimeoutError);
    await expect(future.exception(5)).rejects.toBeInstanceOf(TimeoutError);
    expect(future.state).toBe('pending');
    const later = future.result(5_000);
    future.setResult('late');
    expect(await later).toBe('late');
  });

  it('rejects a bad timeout with the one message template', () => {
    expect(() => new Future().result(-1)).toThrow(
      'Expected the `timeoutMs` argument to be a non-negative number of milliseconds or Infinity, got `-1` (number).',
    );
  });

  it('runs done callbacks in order, at once when already done, and survives a throwing one', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const future = new Future<number>();
      const calls: string[] = [];
      future.addDoneCallback(() => calls.push('first'));
      future.addDoneCallback(() => {
        throw new Error('callback broke');
      });
      future.addDoneCallback((f) => calls.push(`third ${f.state}`));
      future.setResult(1);
      future.addDoneCallback(() => calls.push('late'));
      expect(calls).toEqual(['first', 'third finished', 'late']);
      expect(await future).toBe(1);
      await vi.waitFor(() => expect(warnings.join()).toContain('callback broke'));
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('removes a done callback', () => {
    const future = new Future<number>();
    const callback = vi.fn();
    future.addDoneCallback(callback);
    expect(future.removeDoneCallback(callback)).toBe(true);
    expect(future.removeDoneCallback(callback)).toBe(false);
    future.cancel();
    expect(callback).not.toHaveBeenCalled();
  });

  it('never crashes the process when a failed future is not awaited', () => {
    const script = `
      import { Future } from '@concur/executors';
      const future = new Future();
      future.setException(new Error('nobody listens'));
      const other = new Future();
      other.addDoneCallback(() => {});
      other.setException(new Error('still nobody'));
      setTimeout(() => console.log('alive'), 20);
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: import.meta.dirname,
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('alive');
  });
});
