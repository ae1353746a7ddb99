// Values that cannot cross the boundary (functions, symbols) fail only their own future with
// a clear message; cyclic structures and huge payloads cross intact; tasks from missing
// modules or missing exports fail clearly — and in every case the pool keeps serving.
import { afterAll, describe, expect, it } from 'vitest';
import { taskFrom } from '@concur/core';
import { ProcessPoolExecutor, ThreadPoolExecutor, type Future } from '@concur/executors';
import { recordFigure } from '../../src/figures/record-figure.js';
import { echo, returnCycle, returnFunction, returnSymbol, square } from '../fixtures/echo.mjs';
import { settleWithin } from '../helpers/settle.js';
import { SETTLE_BOUND_MS } from '../helpers/crash-scenario.js';
import { findDescendants } from '../helpers/children.js';

/** A payload large enough to stress the channel, small enough for a CI machine, in bytes. */
const HUGE_PAYLOAD_BYTES = 16 * 1024 * 1024;

const missingModule = taskFrom<(value: number) => number>(
  new URL('../fixtures/does-not-exist.mjs', import.meta.url).href,
  'echo',
);
const missingExport = taskFrom<(value: number) => number>(
  new URL('../fixtures/not-a-task.mjs', import.meta.url).href,
  'missing',
);
const notAFunction = taskFrom<(value: number) => number>(
  new URL('../fixtures/not-a-task.mjs', import.meta.url).href,
  'notATask',
);

interface Case {
  readonly label: string;
  readonly submit: (executor: ThreadPoolExecutor | ProcessPoolExecutor) => Future<unknown>;
  /** A pattern the error message must match, or a check of the delivered value. */
  readonly expected: RegExp | ((value: unknown) => boolean);
}

const cases: Case[] = [
  {
    label: 'function argument',
    submit: (e) => e.submit(echo, () => 1),
    expected: /argument 1 of task `echo` cannot be cloned/,
  },
  {
    label: 'symbol argument',
    submit: (e) => e.submit(echo, Symbol('s')),
    expected: /argument 1 of task `echo` cannot be cloned|cannot be (cloned|serialized|sent)/i,
  },
  {
    label: 'function result',
    submit: (e) => e.submit(returnFunction),
    expected: /result cannot be sent back: [\s\S]*could not be cloned/,
  },
  {
    label: 'symbol result',
    submit: (e) => e.submit(returnSymbol),
    expected: /result cannot be sent back: Symbol[\s\S]*could not be cloned/,
  },
  {
    label: 'cyclic argument (cloneable)',
    submit: (e) => {
      const node: Record<string, unknown> = { label: 'a' };
      node.self = node;
      return e.submit(echo, node);
    },
    expected: (value) => (value as { self: unknown }).self === value,
  },
  {
    label: 'cyclic result (cloneable)',
    submit: (e) => e.submit(returnCycle, 'b'),
    expected: (value) => (value as { self: unknown }).self === value,
  },
  {
    label: `${HUGE_PAYLOAD_BYTES / 1024 / 1024} MiB payload`,
    submit: (e) => e.submit(echo, new Uint8Array(HUGE_PAYLOAD_BYTES).fill(7)),
    expected: (value) =>
      value instanceof Uint8Array && value.length === HUGE_PAYLOAD_BYTES && value[12345] === 7,
  },
  {
    label: 'task from a module that does not exist',
    submit: (e) => e.submit(missingModule, 1),
    expected: /does-not-exist\.mjs/,
  },
  {
    label: 'task whose module lacks the export',
    submit: (e) => e.submit(missingExport, 1),
    expected: /`?missing`?[\s\S]*(not|no) [\s\S]*export|export[\s\S]*missing/i,
  },
  {
    label: 'task whose export is not a function',
    submit: (e) => e.submit(notAFunction, 1),
    expected: /notATask[\s\S]*(function|task)/i,
  },
];

const executors = {
  thread: new ThreadPoolExecutor({ maxWorkers: 2 }),
  process: new ProcessPoolExecutor({ maxWorkers: 2 }),
};
afterAll(async () => {
  await Promise.all(Object.values(executors).map((executor) => executor.shutdown()));
  expect(findDescendants()).toEqual([]);
});

describe.each(['thread', 'process'] as const)('%s pool, values that cannot cross', (kind) => {
  it.each(cases)('$label fails or crosses only for its own future', async (c) => {
    const executor = executors[kind];
    const before = executor.submit(square, 3);
    const outcome = await settleWithin(c.submit(executor), SETTLE_BOUND_MS);
    const after = await settleWithin(executor.submit(square, 4), SETTLE_BOUND_MS);
    const neighbour = await settleWithin(before, SETTLE_BOUND_MS);
    const message = outcome.kind === 'rejected' ? outcome.error.message : '';
    const ok =
      typeof c.expected === 'function'
        ? outcome.kind === 'fulfilled' && c.expected(outcome.value)
        : outcome.kind === 'rejected' && c.expected.test(message);
    recordFigure({
      section: 'values',
      subject: `${kind}: ${c.label}`,
      values: {
        outcome:
          outcome.kind === 'rejected'
            ? `${outcome.error.name}: ${message.split('\n')[0]!.slice(0, 90)}`
            : outcome.kind,
        keptServing: after.kind === 'fulfilled' && after.value === 16,
        ok: ok && neighbour.kind === 'fulfilled',
      },
    });
    if (typeof c.expected === 'function') {
      expect(outcome.kind).toBe('fulfilled');
      expect(outcome.kind === 'fulfilled' && c.expected(outcome.value)).toBe(true);
    } else {
      expect(outcome.kind).toBe('rejected');
      expect(message).toMatch(c.expected);
    }
    expect(neighbour).toMatchObject({ kind: 'fulfilled', value: 9 });
    expect(after).toMatchObject({ kind: 'fulfilled', value: 16 });
  });
});
