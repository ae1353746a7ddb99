// Task references: defineTask, taskFrom and the rules for finding a task's export.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defineTask,
  getTaskLocation,
  getResolvedTaskSpec,
  getTaskSpec,
  resolveTaskSpec,
  taskFrom,
  type TaskArguments,
  type TaskResult,
} from '@concur/core';
import * as tasks from './fixtures/tasks.mjs';

const tasksUrl = new URL('./fixtures/tasks.mjs', import.meta.url).href;

describe('defineTask', () => {
  it('returns a function that runs here and keeps the name', async () => {
    const double = defineTask(import.meta.url, (n: number) => n * 2);
    expect(double(4)).toBe(8);
    expect(tasks.add.name).toBe('add');
    expect(await tasks.add(1, 2)).toBe(3);
  });

  it('names a task at once by its place in its module, without importing anything', () => {
    expect(getTaskSpec(tasks.echo)).toEqual({
      moduleUrl: tasksUrl,
      exportName: 'echo',
      ordinal: 0,
    });
    expect(getTaskSpec(tasks.add)).toEqual({ moduleUrl: tasksUrl, exportName: 'add', ordinal: 1 });
    expect(getResolvedTaskSpec(tasks.add)).toEqual(getTaskSpec(tasks.add));
  });

  it('finds the export name by scanning the module, once', async () => {
    expect(getTaskSpec(tasks.recall).ordinal).toBeTypeOf('number');
    await expect(resolveTaskSpec(tasks.recall)).resolves.toEqual({
      moduleUrl: tasksUrl,
      exportName: 'recall',
    });
    expect(getTaskSpec(tasks.recall)).toEqual({
      moduleUrl: tasksUrl,
      exportName: 'recall',
    });
  });

  it('fails clearly for a task that is not exported', async () => {
    await expect(resolveTaskSpec(tasks.getNotExported())).rejects.toThrow(
      /Task `hidden` is not exported from .*tasks\.mjs.*export const hidden = defineTask\(import\.meta\.url/,
    );
  });

  it('fails clearly when the module cannot be imported', async () => {
    const ghost = defineTask(
      new URL('./fixtures/missing.mjs', import.meta.url),
      function ghost() {},
    );
    await expect(resolveTaskSpec(ghost)).rejects.toThrow(
      /Cannot import the module of task `ghost` \(.*missing\.mjs\).*import\.meta\.url/,
    );
  });

  it('rejects a module URL that is not a URL or absolute path, and a non-function', () => {
    expect(() => defineTask('tasks.js', () => 1)).toThrow(
      new TypeError(
        'Expected the `moduleUrl` argument to be `import.meta.url`, a URL or an absolute path, got `"tasks.js"` (string).',
      ),
    );
    expect(() => defineTask(import.meta.url, 42 as never)).toThrow(
      'Expected the `fn` argument to be a function, got `42` (number).',
    );
  });

  it('infers argument and result types', () => {
    const task = defineTask(import.meta.url, async (a: number, b: string) => ({ a, b }));
    expect(typeof task).toBe('function');
    expectTypeOf<TaskArguments<typeof task>>().toEqualTypeOf<[a: number, b: string]>();
    expectTypeOf<TaskResult<typeof task>>().toEqualTypeOf<{ a: number; b: string }>();
  });
});

describe('taskFrom', () => {
  it('refers to a plain export by name, typed through the generic', async () => {
    const ref = taskFrom<typeof tasks.plainExported>(tasksUrl, 'plainExported');
    expect(await resolveTaskSpec(ref)).toEqual({
      moduleUrl: tasksUrl,
      exportName: 'plainExported',
    });
    expectTypeOf<TaskArguments<typeof ref>>().toEqualTypeOf<
      Parameters<typeof tasks.plainExported>
    >();
  });

  it('accepts URL objects and absolute paths, and rejects an empty export name', () => {
    expect(getTaskLocation(taskFrom(new URL(tasksUrl), 'echo')).moduleUrl).toBe(tasksUrl);
    expect(getTaskLocation(taskFrom(new URL(tasksUrl).pathname, 'echo')).moduleUrl).toBe(tasksUrl);
    expect(() => taskFrom(tasksUrl, '')).toThrow(
      'Expected the `exportName` argument to be a non-empty string, got `""` (string).',
    );
  });
});

describe('getTaskLocation', () => {
  it('explains how to make a task from a plain function', () => {
    expect(() => getTaskLocation(function crunch() {})).toThrow(
      /got `\[Function crunch\]` \(function\)\. Wrap the function with `defineTask\(import\.meta\.url, fn\)`/,
    );
  });
});
