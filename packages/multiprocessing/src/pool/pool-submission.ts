// Main side: the pieces of turning a Pool call into jobs: argument lists from an iterable,
// chunks, Python's default chunk size, the initializer's init message, settle-once.
import { encodeRevivables, throwInvalid } from '@concur/core';
import { resolveTaskTarget } from '../task-target.js';
import type { AsyncResult } from './async-result.js';
import type { JobOutcome } from './pool-job.js';
import type { ResolvedPoolOptions } from './pool-options.js';
import type { InitTemplate } from './worker-set.js';

/** Wraps a settle function so only its first call counts. */
export function once(settle: (outcome: JobOutcome) => void): (outcome: JobOutcome) => void {
  let settled = false;
  return (outcome) => {
    if (settled) return;
    settled = true;
    settle(outcome);
  };
}

/** Builds what every worker's `init` carries: the resolved initializer and its encoded args. */
export async function resolveInit(options: ResolvedPoolOptions): Promise<InitTemplate> {
  if (options.initializer === undefined) return {};
  const { spec, prefix } = resolveTaskTarget(options.initializer, 'initializer');
  const { values, revivable } = encodeRevivables(options.initargs, 'process');
  return {
    initializer: spec,
    initargs: [...prefix, ...values],
    ...(revivable ? { reviveInitargs: true as const } : {}),
  };
}

/** Python's default: about four chunks per worker. */
export function defaultChunksize(items: number, processes: number): number {
  return Math.max(1, Math.ceil(items / (processes * 4)));
}

/**
 * Turns an iterable into argument lists: `[item]` each, or the item itself when `spread`.
 * @throws TypeError for a non-iterable, or a non-array item when `spread`.
 */
export function toArgsLists(iterable: unknown, spread: boolean): unknown[][] {
  if (
    iterable === null ||
    typeof (iterable as Iterable<unknown>)?.[Symbol.iterator] !== 'function'
  ) {
    throwInvalid('iterable', 'an iterable', iterable, 'argument');
  }
  const lists: unknown[][] = [];
  for (const item of iterable as Iterable<unknown>) {
    if (!spread) lists.push([item]);
    else if (Array.isArray(item)) lists.push(item);
    else throwInvalid(`iterable[${lists.length}]`, 'an array of arguments', item, 'argument');
  }
  return lists;
}

/** Splits argument lists into chunks of `size`, remembering where each starts. */
export function toChunks(
  argsLists: unknown[][],
  size: number,
): { start: number; argsList: unknown[][] }[] {
  const chunks: { start: number; argsList: unknown[][] }[] = [];
  for (let start = 0; start < argsLists.length; start += size) {
    chunks.push({ start, argsList: argsLists.slice(start, start + size) });
  }
  return chunks;
}

/** Starts an async call and returns its result's promise; a synchronous throw becomes a rejection. */
export function resultOf<R>(start: () => AsyncResult<R>): Promise<R> {
  try {
    return start().get();
  } catch (error) {
    return Promise.reject(error);
  }
}
