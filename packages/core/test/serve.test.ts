// The worker-side loop across a real worker thread and a real child process.
import { afterEach, describe, expect, it } from 'vitest';
import {
  deserializeError,
  getTaskSpec,
  REMOTE_STACK_MARKER,
  registerErrorClass,
  resolveTaskSpec,
  type ErrorResponse,
  type ReadyResponse,
  type ResultResponse,
  type TaskSpec,
} from '@concur/core';
import * as tasks from './fixtures/tasks.mjs';
import { QuotaError } from './fixtures/quota-error.mjs';
import { byId, startWorker, type WorkerClient } from './helpers/worker-client.js';

const spec = (task: unknown): Promise<TaskSpec> => resolveTaskSpec(task);
const tasksUrl = new URL('./fixtures/tasks.mjs', import.meta.url).href;

describe.each(['thread', 'process'] as const)('serve() in a worker %s', (kind) => {
  let client: WorkerClient;
  afterEach(async () => {
    await client?.close();
  });

  async function run(task: unknown, args: unknown[], id = 1) {
    client.send({ type: 'run', id, task: await spec(task), args });
    return client.next(byId(id)) as Promise<ResultResponse | ErrorResponse>;
  }

  async function runError(task: unknown, args: unknown[]) {
    const response = await run(task, args);
    expect(response.type).toBe('error');
    return deserializeError((response as ErrorResponse).error, `${kind} "test"`);
  }

  it('reports its identity when initialized', async () => {
    client = startWorker(kind);
    const ready = (await client.init({
      threadName: 'Thread-7',
      processName: 'Process-3',
    })) as ReadyResponse;
    expect(ready.type).toBe('ready');
    expect(ready.identity.threadName).toBe('Thread-7');
    expect(ready.identity.processName).toBe('Process-3');
    if (kind === 'thread') expect(ready.identity.pid).toBe(process.pid);
    else expect(ready.identity.pid).not.toBe(process.pid);
    expect(await run(tasks.whoAmI, [])).toMatchObject({ value: { threadName: 'Thread-7' } });
  });

  it('runs sync and async tasks and keeps structured values intact', async () => {
    client = startWorker(kind);
    await client.init();
    const value = { when: new Date(5), map: new Map([[1, 'a']]), bytes: new Uint8Array([1, 2]) };
    expect(await run(tasks.echo, [value])).toEqual({ type: 'result', id: 1, value });
    expect(await run(tasks.add, [2, 3], 2)).toEqual({ type: 'result', id: 2, value: 5 });
  });

  it('sends back a thrown TypeError with class, message, code, cause, properties and a remote stack', async () => {
    client = startWorker(kind);
    await client.init();
    const error = (await runError(tasks.throwTypeError, ['bad n'])) as TypeError &
      Record<string, unknown>;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('bad n');
    expect(error.code).toBe('E_BAD_INPUT');
    expect(error.details).toEqual({ field: 'n', limit: 3 });
    expect(error.cause).toBeInstanceOf(RangeError);
    expect((error.cause as Error).message).toBe('inner cause');
    expect(error.stack).toContain('throwTypeError');
    expect(error.stack).toContain('tasks.mjs');
    expect(error.stack).toContain(REMOTE_STACK_MARKER);
    expect(error.stack).not.toMatch(/serve[/]serve\.(js|ts)/);
  });

  it('keeps a registered custom error class and its fields', async () => {
    registerErrorClass(QuotaError);
    client = startWorker(kind);
    await client.init();
    const error = (await runError(tasks.throwQuota, [7])) as QuotaError;
    expect(error).toBeInstanceOf(QuotaError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('Error');
    expect(error.message).toBe('over quota 7');
    expect(error.limit).toBe(7);
  });

  it('keeps AggregateError with its inner errors, and non-Error thrown values as they were', async () => {
    client = startWorker(kind);
    await client.init();
    const aggregate = (await runError(tasks.throwAggregate, [])) as AggregateError;
    expect(aggregate).toBeInstanceOf(AggregateError);
    expect(aggregate.errors.map((e: Error) => e.constructor)).toEqual([Error, SyntaxError]);
    expect(await runError(tasks.throwValue, [{ status: 404 }])).toEqual({ status: 404 });
    expect(await runError(tasks.throwValue, ['plain string'])).toBe('plain string');
  });

  it('reports an unserializable result as that task’s error and keeps serving', async () => {
    client = startWorker(kind);
    await client.init();
    const error = (await runError(tasks.returnFunction, [])) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(
      /result cannot be sent back: .*could not be cloned\. Return structured-cloneable/,
    );
    expect(await run(tasks.echo, ['still alive'], 2)).toMatchObject({
      type: 'result',
      value: 'still alive',
    });
  });

  it('fails clearly for a missing export and a module that cannot be imported', async () => {
    client = startWorker(kind);
    await client.init();
    client.send({
      type: 'run',
      id: 1,
      task: { moduleUrl: tasksUrl, exportName: 'nope' },
      args: [],
    });
    const missing = (await client.next(byId(1))) as ErrorResponse;
    expect((deserializeError(missing.error) as Error).message).toMatch(
      /has no export `nope`.*`echo`/,
    );
    const ghost = new URL('./fixtures/does-not-exist.mjs', import.meta.url).href;
    client.send({ type: 'run', id: 2, task: { moduleUrl: ghost, exportName: 'x' }, args: [] });
    const unimportable = (await client.next(byId(2))) as ErrorResponse;
    expect((deserializeError(unimportable.error) as Error).message).toMatch(
      /Cannot import task module .*does-not-exist\.mjs for task `x`/,
    );
  });

  it('finds a task named by its ordinal, and explains an unexported one', async () => {
    client = startWorker(kind);
    await client.init();
    client.send({ type: 'run', id: 1, task: getTaskSpec(tasks.add), args: [20, 22] });
    expect(await client.next(byId(1))).toMatchObject({ type: 'result', value: 42 });
    client.send({ type: 'run', id: 2, task: getTaskSpec(tasks.getNotExported()), args: [] });
    const hidden = (await client.next(byId(2))) as ErrorResponse;
    expect((deserializeError(hidden.error) as Error).message).toMatch(
      /Task `hidden` is not exported from .*tasks\.mjs, so a worker cannot find it .*export const hidden = defineTask\(import\.meta\.url/,
    );
  });

  it('runs batches and chunks, answering every request', async () => {
    client = startWorker(kind);
    await client.init();
    const echo = await spec(tasks.echo);
    client.send({
      type: 'batch',
      requests: [
        { type: 'run', id: 1, task: echo, args: ['a'] },
        { type: 'run', id: 2, task: echo, args: ['b'] },
        {
          type: 'chunk',
          id: 3,
          task: await spec(tasks.add),
          argsList: [
            [1, 1],
            [2, 2],
            [3, 3],
          ],
        },
      ],
    });
    expect(await client.next(byId(1))).toMatchObject({ value: 'a' });
    expect(await client.next(byId(2))).toMatchObject({ value: 'b' });
    expect(await client.next(byId(3))).toMatchObject({ value: [2, 4, 6] });
  });

  it('starts a queued request only once the running task settled and its result went out', async () => {
    client = startWorker(kind);
    await client.init();
    const [add, echo] = [await spec(tasks.add), await spec(tasks.echo)];
    client.send({
      type: 'batch',
      requests: [
        { type: 'run', id: 1, task: add, args: [1, 1] },
        { type: 'run', id: 2, task: echo, args: ['b'], queued: true },
        { type: 'run', id: 3, task: echo, args: ['c'], queued: true },
      ],
    });
    // Unqueued, the sync echoes would settle before the async add.
    const order = [await client.next(), await client.next(), await client.next()];
    expect(order.map((m) => (m as ResultResponse).value)).toEqual([2, 'b', 'c']);
  });

  it('runs a columnar runs message as one run request per id', async () => {
    client = startWorker(kind);
    await client.init();
    client.send({
      type: 'runs',
      task: await spec(tasks.echo),
      ids: [4, 5, 6],
      argsList: [['d'], ['e'], ['f']],
      queued: true,
    });
    const replies = [await client.next(), await client.next(), await client.next()];
    expect(replies).toEqual([
      { type: 'result', id: 4, value: 'd' },
      { type: 'result', id: 5, value: 'e' },
      { type: 'result', id: 6, value: 'f' },
    ]);
  });

  it('drops a queued request aborted before it started, answering it with an error', async () => {
    client = startWorker(kind);
    await client.init();
    client.send({ type: 'run', id: 1, task: await spec(tasks.waitForAbort), args: [] });
    client.send({ type: 'run', id: 2, task: await spec(tasks.echo), args: ['x'], queued: true });
    client.send({ type: 'abort', id: 2 });
    expect(await client.next(byId(2))).toMatchObject({ type: 'error' });
    client.send({ type: 'abort', id: 1 });
    expect(await client.next(byId(1))).toMatchObject({ type: 'result', value: 'aborted' });
  });

  it('fires taskSignal() when the task is aborted', async () => {
    client = startWorker(kind);
    await client.init();
    client.send({ type: 'run', id: 9, task: await spec(tasks.waitForAbort), args: [] });
    client.send({ type: 'abort', id: 9 });
    expect(await client.next(byId(9))).toMatchObject({ type: 'result', value: 'aborted' });
  });

  it('runs the initializer once before tasks, and reports an initializer failure', async () => {
    client = startWorker(kind);
    const ready = await client.init({
      initializer: await spec(tasks.remember),
      initargs: ['state'],
    });
    expect(ready.type).toBe('ready');
    expect(await run(tasks.recall, [])).toMatchObject({ value: 'state' });
    await client.close();
    client = startWorker(kind);
    const failed = await client.init({
      initializer: await spec(tasks.remember),
      initargs: ['fail'],
    });
    expect(failed.type).toBe('init-failed');
  });

  it('ignores and logs a message of unknown shape', async () => {
    client = startWorker(kind);
    await client.init();
    client.send({ type: 'run', id: 'x' } as never);
    client.send({ type: 'evil', payload: 1 } as never);
    expect(await run(tasks.echo, [1])).toMatchObject({ value: 1 });
    await expect.poll(() => client.stderr()).toMatch(/ignored a message of unknown shape/);
  });

  it('exits after `stop` once running tasks have settled', async () => {
    client = startWorker(kind);
    await client.init();
    client.send({ type: 'run', id: 1, task: await spec(tasks.add), args: [1, 2] });
    client.send({ type: 'stop' });
    expect(await client.next(byId(1))).toMatchObject({ value: 3 });
    expect(await client.exited()).toBe(0);
  });
});
