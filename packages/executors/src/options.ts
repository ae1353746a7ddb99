// Validation of the options every executor shares (submitWith, map, shutdown), once at
// the boundary and with core's one message template.
import {
  describeValue,
  validateAbortSignal,
  validateArray,
  validateBoolean,
  validateDuration,
  validateOptionsObject,
  validatePositiveInteger,
} from '@concur/core';
import type { ShutdownOptions, TaskOptions } from './executor.js';

/** Per-task options after validation; `undefined` when none were given. */
export function normalizeTaskOptions(options: unknown): TaskOptions | undefined {
  const raw = validateOptionsObject('submitWith()', options, ['signal', 'timeout', 'transfer']);
  const signal = raw.signal === undefined ? undefined : validateAbortSignal('signal', raw.signal);
  const timeout = raw.timeout === undefined ? undefined : validateDuration('timeout', raw.timeout);
  const transfer =
    raw.transfer === undefined
      ? undefined
      : (validateArray('transfer', raw.transfer) as TaskOptions['transfer']);
  if (signal === undefined && timeout === undefined && transfer === undefined) return undefined;
  return { signal, timeout, transfer };
}

/** Map options after validation. */
export interface ResolvedMapOptions {
  readonly timeout: number;
  readonly chunksize: number | undefined;
  readonly signal: AbortSignal | undefined;
}

/** Validates `map` / `starmap` options. */
export function normalizeMapOptions(what: string, options: unknown): ResolvedMapOptions {
  const raw = validateOptionsObject(what, options, ['timeout', 'chunksize', 'signal']);
  return {
    timeout: raw.timeout === undefined ? Infinity : validateDuration('timeout', raw.timeout),
    chunksize:
      raw.chunksize === undefined ? undefined : validatePositiveInteger('chunksize', raw.chunksize),
    signal: raw.signal === undefined ? undefined : validateAbortSignal('signal', raw.signal),
  };
}

/** Validates `shutdown` options, filling Python's defaults. */
export function normalizeShutdownOptions(options: unknown): Required<ShutdownOptions> {
  const raw = validateOptionsObject('shutdown()', options, ['wait', 'cancelFutures']);
  return {
    wait: raw.wait === undefined ? true : validateBoolean('wait', raw.wait),
    cancelFutures:
      raw.cancelFutures === undefined ? false : validateBoolean('cancelFutures', raw.cancelFutures),
  };
}

/**
 * Tells how many items an iterable holds when that is known without consuming it
 * (arrays, typed arrays, Sets, Maps), else `undefined`.
 */
export function getKnownLength(iterable: unknown): number | undefined {
  if (Array.isArray(iterable) || ArrayBuffer.isView(iterable)) {
    return (iterable as ArrayLike<unknown>).length;
  }
  if (iterable instanceof Set || iterable instanceof Map) return iterable.size;
  return undefined;
}

/** Validates that `map`'s input is iterable. @throws TypeError otherwise. */
export function validateIterable(name: string, value: unknown): void {
  const ok =
    typeof value === 'object' &&
    value !== null &&
    (typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' ||
      typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function');
  if (!ok && typeof value !== 'string') {
    validateArray(name, value, 'argument');
  }
}

/** A `starmap` item: the argument list itself. @throws TypeError for anything but an array. */
export function toArgumentList(item: unknown): unknown[] {
  if (!Array.isArray(item)) {
    throw new TypeError(
      `Expected each item of starmap's iterable to be an array of arguments, got ${describeValue(item)}.`,
    );
  }
  return item;
}
