// Option and argument validation with one message template, used at every public boundary:
// "Expected the `maxWorkers` option to be a positive integer, got `0` (number)."

/** Whether the checked value is an option (in an options object) or a positional argument. */
export type ValueKind = 'option' | 'argument';

/**
 * Describes a value for an error message: its short printed form and its type.
 *
 * @example
 * describeValue(0); // '`0` (number)'
 */
export function describeValue(value: unknown): string {
  return `\`${printValue(value)}\` (${typeOf(value)})`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function printValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    case 'function':
      return value.name ? `[Function ${value.name}]` : '[Function]';
    case 'symbol':
    case 'bigint':
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    default: {
      if (value === null) return 'null';
      try {
        const json = JSON.stringify(value);
        if (json !== undefined) return json.length > 60 ? `${json.slice(0, 57)}...` : json;
      } catch {
        // cyclic or BigInt-holding objects fall through
      }
      return Object.prototype.toString.call(value);
    }
  }
}

/**
 * Builds the one message template for a bad value.
 *
 * @example
 * formatExpectation('maxWorkers', 'a positive integer', 0);
 * // 'Expected the `maxWorkers` option to be a positive integer, got `0` (number).'
 */
export function formatExpectation(
  name: string,
  expected: string,
  received: unknown,
  kind: ValueKind = 'option',
): string {
  return `Expected the \`${name}\` ${kind} to be ${expected}, got ${describeValue(received)}.`;
}

/** Throws a TypeError in the one template. @throws TypeError always. */
export function throwInvalid(
  name: string,
  expected: string,
  received: unknown,
  kind: ValueKind = 'option',
): never {
  throw new TypeError(formatExpectation(name, expected, received, kind));
}

/** @throws TypeError unless `value` is an integer ≥ 1. */
export function validatePositiveInteger(
  name: string,
  value: unknown,
  kind: ValueKind = 'option',
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throwInvalid(name, 'a positive integer', value, kind);
  }
  return value;
}

/** @throws TypeError unless `value` is an integer ≥ 0. */
export function validateNonNegativeInteger(
  name: string,
  value: unknown,
  kind: ValueKind = 'option',
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throwInvalid(name, 'a non-negative integer', value, kind);
  }
  return value;
}

/**
 * Validates a duration in milliseconds: a finite number ≥ 0, or `Infinity` when allowed.
 * @throws TypeError otherwise.
 */
export function validateDuration(
  name: string,
  value: unknown,
  kind: ValueKind = 'option',
  { allowInfinity = true }: { allowInfinity?: boolean } = {},
): number {
  const ok =
    typeof value === 'number' &&
    !Number.isNaN(value) &&
    value >= 0 &&
    (allowInfinity || Number.isFinite(value));
  if (!ok)
    throwInvalid(
      name,
      `a non-negative number of milliseconds${allowInfinity ? ' or Infinity' : ''}`,
      value,
      kind,
    );
  return value as number;
}

/** @throws TypeError unless `value` is a boolean. */
export function validateBoolean(name: string, value: unknown, kind: ValueKind = 'option'): boolean {
  if (typeof value !== 'boolean') throwInvalid(name, 'a boolean', value, kind);
  return value;
}

/** @throws TypeError unless `value` is a string (non-empty when `nonEmpty`). */
export function validateString(
  name: string,
  value: unknown,
  kind: ValueKind = 'option',
  { nonEmpty = false }: { nonEmpty?: boolean } = {},
): string {
  if (typeof value !== 'string' || (nonEmpty && value.length === 0)) {
    throwInvalid(name, nonEmpty ? 'a non-empty string' : 'a string', value, kind);
  }
  return value;
}

/** @throws TypeError unless `value` is a function. */
export function validateFunction<F extends (...args: any[]) => unknown>(
  name: string,
  value: unknown,
  kind: ValueKind = 'option',
): F {
  if (typeof value !== 'function') throwInvalid(name, 'a function', value, kind);
  return value as F;
}

/** @throws TypeError unless `value` is an array. */
export function validateArray(name: string, value: unknown, kind: ValueKind = 'option'): unknown[] {
  if (!Array.isArray(value)) throwInvalid(name, 'an array', value, kind);
  return value;
}

/** @throws TypeError unless `value` is one of `choices`. */
export function validateOneOf<T extends string>(
  name: string,
  value: unknown,
  choices: readonly T[],
  kind: ValueKind = 'option',
): T {
  if (!choices.includes(value as T)) {
    throwInvalid(name, `one of ${choices.map((c) => `\`${c}\``).join(', ')}`, value, kind);
  }
  return value as T;
}

/** @throws TypeError unless `value` is an AbortSignal. */
export function validateAbortSignal(
  name: string,
  value: unknown,
  kind: ValueKind = 'option',
): AbortSignal {
  if (!(value instanceof AbortSignal)) throwInvalid(name, 'an AbortSignal', value, kind);
  return value;
}

/**
 * Checks an options object: `undefined` means `{}`; anything else must be a plain object
 * whose own keys are all known. Only own properties are read, so a polluted
 * `Object.prototype` never supplies an option.
 *
 * @param what - the name used in messages, e.g. `ThreadPoolExecutor`.
 * @returns a null-prototype copy holding only the known own properties.
 * @throws TypeError for a non-object or an unknown key (with the closest known key).
 */
export function validateOptionsObject<K extends string>(
  what: string,
  options: unknown,
  knownKeys: readonly K[],
): Partial<Record<K, unknown>> {
  if (options === undefined) return Object.create(null);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(
      `Expected the \`options\` argument of ${what} to be an object, got ${describeValue(options)}.`,
    );
  }
  const result: Partial<Record<K, unknown>> = Object.create(null);
  for (const key of Object.keys(options)) {
    if (!knownKeys.includes(key as K)) {
      const suggestion = closestKey(key, knownKeys);
      throw new TypeError(
        `Unknown option \`${key}\` for ${what}.` +
          (suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`) +
          ` Known options: ${knownKeys.map((k) => `\`${k}\``).join(', ')}.`,
      );
    }
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) result[key as K] = value;
  }
  return result;
}

function closestKey(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
