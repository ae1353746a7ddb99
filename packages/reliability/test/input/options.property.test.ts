// Property-based bad input: every public option, given any wrong value, throws a TypeError
// (or RangeError) at the boundary in the one message template naming that option.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EventLoopExecutor,
  ProcessPoolExecutor,
  ThreadPoolExecutor,
  configureSignalShutdown,
} from '@concur/executors';
import {
  Barrier,
  Lock,
  Queue as ThreadQueue,
  Semaphore,
  Thread,
  createThreadWorkerHandle,
} from '@concur/threading';
import { Pool, Process, Queue, createProcessWorkerHandle } from '@concur/multiprocessing';
import { recordFigure } from '../../src/figures/record-figure.js';
import { IS_VALID, invalidFor, templateFor } from '../helpers/bad-values.js';
import { echo } from '../fixtures/echo.mjs';

/** Runs per property: enough to hit every class of wrong value, quick on a 2-core CI box. */
const RUNS = 60;

/** An executor to call submitWith / map / shutdown on; no worker starts (calls throw first). */
const host = new ThreadPoolExecutor({ maxWorkers: 1 });
afterAll(() => host.shutdown());

type Kind = keyof typeof IS_VALID;
interface OptionCase {
  readonly where: string;
  readonly name: string;
  readonly kind: Kind;
  readonly call: (value: unknown) => unknown;
}

const option = (build: (options: any) => unknown) => (name: string) => (value: unknown) =>
  build({ [name]: value });

const thread = option((o) => new ThreadPoolExecutor(o));
const processPool = option((o) => new ProcessPoolExecutor(o));
const cases: OptionCase[] = [
  {
    where: 'ThreadPoolExecutor',
    name: 'maxWorkers',
    kind: 'positiveInteger',
    call: thread('maxWorkers'),
  },
  {
    where: 'ThreadPoolExecutor',
    name: 'threadNamePrefix',
    kind: 'nonEmptyString',
    call: thread('threadNamePrefix'),
  },
  { where: 'ThreadPoolExecutor', name: 'initargs', kind: 'array', call: thread('initargs') },
  {
    where: 'ThreadPoolExecutor',
    name: 'idleTimeout',
    kind: 'duration',
    call: thread('idleTimeout'),
  },
  {
    where: 'ThreadPoolExecutor',
    name: 'resourceLimits.maxOldGenerationSizeMb',
    kind: 'positiveFiniteNumber',
    call: (value) =>
      new ThreadPoolExecutor({ resourceLimits: { maxOldGenerationSizeMb: value as number } }),
  },
  { where: 'ThreadPoolExecutor', name: 'initializer', kind: 'never', call: thread('initializer') },
  {
    where: 'ProcessPoolExecutor',
    name: 'maxWorkers',
    kind: 'positiveInteger',
    call: processPool('maxWorkers'),
  },
  {
    where: 'ProcessPoolExecutor',
    name: 'maxTasksPerChild',
    kind: 'positiveInteger',
    call: processPool('maxTasksPerChild'),
  },
  { where: 'ProcessPoolExecutor', name: 'initargs', kind: 'array', call: processPool('initargs') },
  {
    where: 'ProcessPoolExecutor',
    name: 'initializer',
    kind: 'never',
    call: processPool('initializer'),
  },
  {
    where: 'EventLoopExecutor',
    name: 'maxConcurrency',
    kind: 'positiveIntegerOrInfinity',
    call: option((o) => new EventLoopExecutor(o))('maxConcurrency'),
  },
  {
    where: 'submitWith()',
    name: 'timeout',
    kind: 'duration',
    call: option((o) => host.submitWith(o, echo, 1))('timeout'),
  },
  {
    where: 'submitWith()',
    name: 'signal',
    kind: 'never',
    call: option((o) => host.submitWith(o, echo, 1))('signal'),
  },
  {
    where: 'submitWith()',
    name: 'transfer',
    kind: 'array',
    call: option((o) => host.submitWith(o, echo, 1))('transfer'),
  },
  {
    where: 'map()',
    name: 'timeout',
    kind: 'duration',
    call: option((o) => host.map(echo, [1], o))('timeout'),
  },
  {
    where: 'map()',
    name: 'chunksize',
    kind: 'positiveInteger',
    call: option((o) => host.map(echo, [1], o))('chunksize'),
  },
  {
    where: 'map()',
    name: 'signal',
    kind: 'never',
    call: option((o) => host.map(echo, [1], o))('signal'),
  },
  {
    where: 'Thread',
    name: 'name',
    kind: 'string',
    call: option((o) => new Thread({ target: echo, ...o }))('name'),
  },
  {
    where: 'Thread',
    name: 'daemon',
    kind: 'boolean',
    call: option((o) => new Thread({ target: echo, ...o }))('daemon'),
  },
  {
    where: 'Thread',
    name: 'args',
    kind: 'array',
    call: option((o) => new Thread({ target: echo, ...o }))('args'),
  },
  { where: 'Thread', name: 'target', kind: 'never', call: option((o) => new Thread(o))('target') },
  {
    where: 'Process',
    name: 'name',
    kind: 'nonEmptyString',
    call: option((o) => new Process({ target: echo, ...o }))('name'),
  },
  {
    where: 'Process',
    name: 'daemon',
    kind: 'boolean',
    call: option((o) => new Process({ target: echo, ...o }))('daemon'),
  },
  {
    where: 'Process',
    name: 'args',
    kind: 'array',
    call: option((o) => new Process({ target: echo, ...o }))('args'),
  },
  {
    where: 'Process',
    name: 'target',
    kind: 'never',
    call: option((o) => new Process(o))('target'),
  },
  {
    where: 'Pool',
    name: 'processes',
    kind: 'positiveInteger',
    call: option((o) => new Pool(o))('processes'),
  },
  {
    where: 'Pool',
    name: 'maxTasksPerChild',
    kind: 'positiveInteger',
    call: option((o) => new Pool(o))('maxTasksPerChild'),
  },
  { where: 'Pool', name: 'initargs', kind: 'array', call: option((o) => new Pool(o))('initargs') },
  {
    where: 'createThreadWorkerHandle',
    name: 'name',
    kind: 'nonEmptyString',
    call: option((o) => createThreadWorkerHandle(o))('name'),
  },
  {
    where: 'Lock.acquire()',
    name: 'timeout',
    kind: 'duration',
    call: option((o) => new Lock().acquire(o))('timeout'),
  },
  {
    where: 'Lock.acquire()',
    name: 'blocking',
    kind: 'boolean',
    call: option((o) => new Lock().acquire(o))('blocking'),
  },
  {
    where: 'Barrier',
    name: 'parties',
    kind: 'positiveInteger',
    call: (value) => new Barrier(value as number),
  },
  {
    where: 'Semaphore',
    name: 'value',
    kind: 'nonNegativeInteger',
    call: (value) => new Semaphore(value as number),
  },
  {
    where: 'threading Queue',
    name: 'maxsize',
    kind: 'nonNegativeInteger',
    call: (value) => new ThreadQueue(value as number),
  },
  {
    where: 'multiprocessing Queue',
    name: 'maxsize',
    kind: 'nonNegativeInteger',
    call: (value) => new Queue(value as number),
  },
  {
    where: 'createProcessWorkerHandle',
    name: 'name',
    kind: 'nonEmptyString',
    call: option((o) => createProcessWorkerHandle(o))('name'),
  },
  {
    where: 'createProcessWorkerHandle',
    name: 'ignoreInterrupt',
    kind: 'boolean',
    call: (value) => createProcessWorkerHandle({ name: 'x', ignoreInterrupt: value as never }),
  },
  {
    where: 'configureSignalShutdown()',
    name: 'timeout',
    kind: 'duration',
    call: option((o) => configureSignalShutdown(o))('timeout'),
  },
  {
    where: 'configureSignalShutdown()',
    name: 'enabled',
    kind: 'boolean',
    call: option((o) => configureSignalShutdown(o))('enabled'),
  },
];

/** Calls `call(value)`; returns the error, releasing anything that was wrongly created. */
async function errorOf(call: () => unknown): Promise<unknown> {
  let created: unknown;
  try {
    created = call();
  } catch (error) {
    return error;
  }
  const shutdown = (created as { shutdown?: () => Promise<void> } | undefined)?.shutdown;
  if (typeof shutdown === 'function') await shutdown.call(created);
  return undefined;
}

describe('conflicting options', () => {
  it('`timeout` with `blocking: false` is a RangeError saying to drop one', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.double({ min: 0, noNaN: true })), (timeout) => {
        expect(() => new Lock().acquire({ blocking: false, timeout })).toThrow(
          new RangeError(
            'Lock.acquire() cannot take a `timeout` with `blocking: false`: a non-blocking call never waits. Drop one of the two options.',
          ),
        );
      }),
      { numRuns: RUNS },
    );
    recordFigure({
      section: 'input',
      subject: 'Lock.acquire() `timeout` with `blocking: false` (conflict → RangeError)',
      values: { runs: RUNS, failures: 0, ok: true },
    });
  });
});

describe('every public option rejects wrong values in the one template', () => {
  it.each(cases)('$where `$name`', async ({ where, name, kind, call }) => {
    let failures = 0;
    let example = '';
    await fc.assert(
      fc.asyncProperty(invalidFor(kind), async (value) => {
        const error = await errorOf(() => call(value));
        const ok =
          (error instanceof TypeError || error instanceof RangeError) &&
          templateFor(name).test(error.message);
        if (!ok) {
          failures++;
          example ||=
            error instanceof Error ? error.message : `no error for ${fc.stringify(value)}`;
        }
        expect(error, `${where} ${name} = ${fc.stringify(value)}`).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(templateFor(name));
        expect(error instanceof TypeError || error instanceof RangeError).toBe(true);
      }),
      { numRuns: RUNS },
    );
    recordFigure({
      section: 'input',
      subject: `${where} \`${name}\``,
      values: { runs: RUNS, failures, ok: failures === 0 },
    });
  });
});
