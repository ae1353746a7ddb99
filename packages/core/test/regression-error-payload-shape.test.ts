// Regression found by the reliability suite: a worker could send an `error` or `init-failed`
// whose payload was any object; deserializeError then threw in the main thread (an uncaught
// exception from a worker's message). Payloads must have the shape serializeError makes.
import { describe, expect, it } from 'vitest';
import { isWorkerResponse, serializeError } from '@concur/core';

describe('isWorkerResponse and error payloads', () => {
  it('accepts what serializeError makes, causes and aggregates included', () => {
    const error = new AggregateError([new RangeError('inner')], 'outer', { cause: 'why' });
    expect(isWorkerResponse({ type: 'error', id: 1, error: serializeError(error) })).toBe(true);
    expect(isWorkerResponse({ type: 'init-failed', error: serializeError(42) })).toBe(true);
  });

  it.each([
    { name: 'Error', message: 'no $concur' },
    { $concur: 'error', classChain: 'Error', name: 'Error', message: 'x', properties: {} },
    { $concur: 'error', classChain: ['Error'], name: 1, message: 'x', properties: {} },
    { $concur: 'error', classChain: ['Error'], name: 'Error', message: 'x' },
    {
      $concur: 'error',
      classChain: ['Error'],
      name: 'Error',
      message: 'x',
      properties: {},
      cause: { bad: true },
    },
    { $concur: 'value' },
  ])('rejects the malformed payload %j', (payload) => {
    expect(isWorkerResponse({ type: 'error', id: 1, error: payload })).toBe(false);
    expect(isWorkerResponse({ type: 'init-failed', error: payload })).toBe(false);
  });
});
