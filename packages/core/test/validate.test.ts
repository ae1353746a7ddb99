// Option validation: one message template, TypeError for bad types and ranges.
import { describe, expect, it } from 'vitest';
import {
  describeValue,
  validateDuration,
  validateOneOf,
  validateOptionsObject,
  validatePositiveInteger,
} from '@concur/core';

describe('option validation', () => {
  it('uses the one template', () => {
    expect(() => validatePositiveInteger('maxWorkers', 0)).toThrow(
      new TypeError('Expected the `maxWorkers` option to be a positive integer, got `0` (number).'),
    );
    expect(() => validateDuration('timeout', -1, 'argument')).toThrow(
      'Expected the `timeout` argument to be a non-negative number of milliseconds or Infinity, got `-1` (number).',
    );
    expect(() => validateOneOf('returnWhen', 'SOME', ['ALL_COMPLETED', 'FIRST_COMPLETED'])).toThrow(
      'Expected the `returnWhen` option to be one of `ALL_COMPLETED`, `FIRST_COMPLETED`, got `"SOME"` (string).',
    );
  });

  it('describes every kind of value', () => {
    expect(describeValue('x')).toBe('`"x"` (string)');
    expect(describeValue(null)).toBe('`null` (null)');
    expect(describeValue([1])).toBe('`[1]` (array)');
    expect(describeValue(Symbol('s'))).toBe('`Symbol(s)` (symbol)');
    expect(describeValue(10n)).toBe('`10` (bigint)');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(describeValue(cyclic)).toBe('`[object Object]` (object)');
  });

  it('rejects unknown keys with a suggestion, and never reads inherited options', () => {
    expect(() =>
      validateOptionsObject('ThreadPoolExecutor', { maxWorker: 2 }, ['maxWorkers', 'name']),
    ).toThrow(
      'Unknown option `maxWorker` for ThreadPoolExecutor. Did you mean `maxWorkers`? Known options: `maxWorkers`, `name`.',
    );
    const polluted = Object.create({ maxWorkers: 99 });
    expect(validateOptionsObject('X', polluted, ['maxWorkers'])).toEqual({});
    expect(() => validateOptionsObject('X', 5, ['a'])).toThrow(
      'Expected the `options` argument of X to be an object, got `5` (number).',
    );
  });
});
