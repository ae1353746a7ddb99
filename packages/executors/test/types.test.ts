// Type-level tests: submit, submitWith, map and starmap infer argument and result types
// from the task, and reject wrong arguments. Checked by `nx run executors:typecheck`.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineTask, taskFrom } from '@concur/core';
import {
  EventLoopExecutor,
  ThreadPoolExecutor,
  type Executor,
  type Future,
  type MapResult,
} from '@concur/executors';

export const square = defineTask(import.meta.url, (n: number) => n * n);
export const greet = defineTask(
  import.meta.url,
  async (name: string, excited?: boolean) => `hello ${name}${excited ? '!' : ''}`,
);
export const pair = defineTask(import.meta.url, (a: number, b: string) => ({ a, b }));
const remote = taskFrom<(bytes: Uint8Array) => Promise<number>>(
  new URL('./fixtures/echo.mjs', import.meta.url),
  'byteLength',
);

describe('executor types', () => {
  it('infer arguments and results of submit and submitWith', () => {
    const executor = null as unknown as ThreadPoolExecutor;
    if (executor !== null) {
      expectTypeOf(executor.submit(square, 3)).toEqualTypeOf<Future<number>>();
      expectTypeOf(executor.submit(greet, 'ada')).toEqualTypeOf<Future<string>>();
      expectTypeOf(executor.submit(greet, 'ada', true)).toEqualTypeOf<Future<string>>();
      expectTypeOf(executor.submit(remote, new Uint8Array(2))).toEqualTypeOf<Future<number>>();
      expectTypeOf(executor.submitWith({ timeout: 5 }, pair, 1, 'x')).toEqualTypeOf<
        Future<{ a: number; b: string }>
      >();
      // @ts-expect-error a string is not a number
      executor.submit(square, '3');
      // @ts-expect-error a missing argument
      executor.submit(pair, 1);
      // @ts-expect-error plain functions cannot go to worker threads
      executor.submit((n: number) => n, 1);
    }
  });

  it('infer item and result types of map and starmap', () => {
    const executor = null as unknown as Executor;
    if (executor !== null) {
      expectTypeOf(executor.map(square, [1, 2])).toEqualTypeOf<MapResult<number>>();
      expectTypeOf(executor.map(greet, ['a'])).toEqualTypeOf<MapResult<string>>();
      expectTypeOf(executor.starmap(pair, [[1, 'x']])).toEqualTypeOf<
        MapResult<{ a: number; b: string }>
      >();
      // @ts-expect-error items must be the task's first argument type
      executor.map(square, ['a']);
      // @ts-expect-error map needs a task whose other arguments are optional; use starmap
      executor.map(pair, [1]);
    }
  });

  it('let EventLoopExecutor run closures, typed the same way', async () => {
    await using executor = new EventLoopExecutor();
    const future = executor.submit((a: number, b: number) => a + b, 2, 3);
    expectTypeOf(future).toEqualTypeOf<Future<number>>();
    expect(await future).toBe(5);
    const values = await executor.map(async (s: string) => s.length, ['ab', 'c']);
    expectTypeOf(values).toEqualTypeOf<number[]>();
    expect(values).toEqual([2, 1]);
    expect(await executor.submit(square, 4)).toBe(16);
    // @ts-expect-error wrong argument type for a closure
    executor.submit((a: number) => a, 'x');
  });
});
