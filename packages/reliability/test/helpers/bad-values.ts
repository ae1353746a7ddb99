// fast-check arbitraries of wrong option values, and the one message template they must get.
import fc from 'fast-check';

/** Any value at all, weird ones included (NaN, -0, symbols, functions, bigints, cycles aside). */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom<unknown>(
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    -1,
    0.5,
    1.5,
    2 ** 53,
    '',
    '2',
    true,
    null,
  ),
  fc.string().map((description) => Symbol(description)),
  fc.constant(() => 1),
);

/** What a valid value looks like, per kind of option. */
export const IS_VALID = {
  nonNegativeInteger: (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0,
  positiveInteger: (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1,
  positiveIntegerOrInfinity: (v: unknown) =>
    v === Infinity || (typeof v === 'number' && Number.isInteger(v) && v >= 1),
  duration: (v: unknown) => typeof v === 'number' && !Number.isNaN(v) && v >= 0,
  boolean: (v: unknown) => typeof v === 'boolean',
  string: (v: unknown) => typeof v === 'string',
  nonEmptyString: (v: unknown) => typeof v === 'string' && v !== '',
  array: (v: unknown) => Array.isArray(v),
  positiveFiniteNumber: (v: unknown) => typeof v === 'number' && v > 0 && Number.isFinite(v),
  never: () => false,
} as const;

/** Wrong values for a kind of option (`undefined` means "not given", so it is left out). */
export function invalidFor(kind: keyof typeof IS_VALID): fc.Arbitrary<unknown> {
  return anyValue.filter((value) => value !== undefined && !IS_VALID[kind](value));
}

const TYPES = 'number|string|boolean|object|array|null|undefined|function|symbol|bigint';

/**
 * The one template: ``Expected the `name` option to be …, got `…` (type).`` (argument for
 * positional values), optionally followed by a hint sentence.
 */
export function templateFor(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^Expected the \`${escaped}\` (option|argument) to be [^\\n]+?, got \`[\\s\\S]*\` \\((${TYPES})\\)\\.( [\\s\\S]+)?$`,
  );
}
