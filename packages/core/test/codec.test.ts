// The error codec in memory: what survives serialize → structuredClone → deserialize.
import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  deserializeError,
  registerErrorClass,
  serializeError,
  TimeoutError,
  WorkerCrashedError,
} from '@concur/core';

const roundTrip = (thrown: unknown, origin?: string) =>
  deserializeError(structuredClone(serializeError(thrown)), origin);

describe('error codec', () => {
  it.each([Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError])(
    'keeps the built-in class %o',
    (klass) => {
      const error = roundTrip(new klass('boom')) as Error;
      expect(error).toBeInstanceOf(klass);
      expect(error.constructor).toBe(klass);
      expect(error.name).toBe(klass.name);
      expect(error.message).toBe('boom');
    },
  );

  it("keeps concur's own errors with their code and fields", () => {
    const crash = roundTrip(
      new WorkerCrashedError({ exitCode: 3, signal: null, taskName: 'crunch', workerName: 'W-1' }),
    ) as WorkerCrashedError;
    expect(crash).toBeInstanceOf(WorkerCrashedError);
    expect(crash.code).toBe('ERR_CONCUR_WORKER_CRASHED');
    expect(crash.exitCode).toBe(3);
    expect(crash.message).toBe('task `crunch` failed: worker `W-1` exited with code 3');
    expect(roundTrip(new CancelledError('x'))).toBeInstanceOf(CancelledError);
    expect((roundTrip(new TimeoutError('late')) as TimeoutError).code).toBe('ERR_CONCUR_TIMEOUT');
  });

  it('keeps a cause chain, stopping at a safe depth on a cycle', () => {
    const root = new Error('root');
    const middle = new TypeError('middle', { cause: root });
    const top = new Error('top', { cause: middle });
    const back = roundTrip(top) as Error;
    expect((back.cause as Error).message).toBe('middle');
    expect((back.cause as Error).cause).toBeInstanceOf(Error);
    const cyclic = new Error('loop');
    (cyclic as { cause?: unknown }).cause = cyclic;
    expect(() => roundTrip(cyclic)).not.toThrow();
  });

  it('marks the stack as remote and names the origin', () => {
    const back = roundTrip(new Error('far away'), 'thread "Thread-2"') as Error;
    expect(back.stack).toMatch(/^Error: far away\n/);
    expect(back.stack).toMatch(/at <remote boundary> \(thread "Thread-2"\)$/);
    expect(Object.keys(back)).toEqual([]);
  });

  it('falls back to the nearest registered ancestor and keeps the original name', () => {
    class HttpError extends RangeError {
      status = 503;
    }
    const back = roundTrip(new HttpError('down')) as RangeError & { status: number };
    expect(back).toBeInstanceOf(RangeError);
    expect(back.name).toBe('RangeError');
    expect(back.status).toBe(503);
    registerErrorClass(HttpError);
    expect(roundTrip(new HttpError('down'))).toBeInstanceOf(HttpError);
  });

  it('replaces unclonable properties by a description instead of failing', () => {
    const error = Object.assign(new Error('with a callback'), { retry: () => 1, count: 2 });
    const back = roundTrip(error) as Error & { retry: unknown; count: number };
    expect(back.count).toBe(2);
    expect(back.retry).toMatch(/^\[unserializable function: /);
  });

  it('keeps thrown non-Error values as they were', () => {
    expect(roundTrip(42)).toBe(42);
    expect(roundTrip(null)).toBe(null);
    expect(roundTrip({ a: [1] })).toEqual({ a: [1] });
    expect(roundTrip(Symbol.for('x'))).toMatch(/unserializable symbol/);
  });

  it('rejects registering something that is not an error class', () => {
    expect(() => registerErrorClass(class NotAnError {} as never)).toThrow(/subclass of Error/);
  });
});
