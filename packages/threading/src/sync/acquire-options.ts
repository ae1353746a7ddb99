// Validation of the options shared by every blocking call: `blocking` and `timeout` (ms).
import { validateBoolean, validateDuration, validateOptionsObject } from '@concur/core';

/** Options of `acquire`, `hold` and their async forms (Python's `acquire(blocking, timeout)`). */
export interface AcquireOptions {
  /**
   * Whether to wait at all. `false` tries once and returns at once.
   * @default true
   */
  readonly blocking?: boolean;
  /**
   * The longest to wait, in milliseconds; `Infinity` waits forever. Only with `blocking`.
   * @default Infinity
   */
  readonly timeout?: number;
}

/** Acquire options with their defaults filled in. */
export interface ResolvedAcquireOptions {
  readonly blocking: boolean;
  readonly timeout: number;
}

/**
 * Validates acquire options for the method named `what` (e.g. `Lock.acquire()`).
 * @param blockKey - the name of the blocking option: `blocking` (locks) or `block` (Queue).
 * @throws TypeError for a wrong type or unknown key.
 * @throws RangeError when a `timeout` is given with `blocking: false`.
 */
export function resolveAcquireOptions(
  what: string,
  options: unknown,
  blockKey: 'blocking' | 'block' = 'blocking',
): ResolvedAcquireOptions {
  if (options === undefined) return { blocking: true, timeout: Infinity };
  const known = validateOptionsObject(what, options, [blockKey, 'timeout']);
  const block = known[blockKey];
  const blocking = block === undefined ? true : validateBoolean(blockKey, block);
  const timeout =
    known.timeout === undefined ? Infinity : validateDuration('timeout', known.timeout);
  if (!blocking && known.timeout !== undefined) {
    throw new RangeError(
      `${what} cannot take a \`timeout\` with \`${blockKey}: false\`: a non-blocking call never waits. Drop one of the two options.`,
    );
  }
  return { blocking, timeout };
}

/**
 * Validates a positional timeout in milliseconds (`undefined` means wait forever).
 * @throws TypeError unless it is a non-negative number or Infinity.
 */
export function resolveTimeout(timeout: unknown, name = 'timeout'): number {
  return timeout === undefined ? Infinity : validateDuration(name, timeout, 'argument');
}
