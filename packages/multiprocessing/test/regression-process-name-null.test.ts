// Regression found by the reliability suite's property tests: `new Process({ name: null })`
// silently took the default name instead of failing in the one message template.
import { describe, expect, it } from 'vitest';
import { Process } from '@concur/multiprocessing';
import { echo } from './fixtures/echo.mjs';

describe('Process `name` option', () => {
  it('rejects null instead of replacing it with the default name', () => {
    expect(() => new Process({ target: echo, name: null as never })).toThrow(
      new TypeError('Expected the `name` option to be a non-empty string, got `null` (null).'),
    );
  });
});
