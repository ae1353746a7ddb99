// Child side: runs a task of the parent's main script named by a digest of its source
// (see task-target.ts): imports the module once, finds the export whose function matches.
import { isTaskReference, TASK_LOCATION, type AnyFunction } from '@concur/core';
import { digestSource, type TaskLocator } from '../task-target.js';
import { defineTask } from '@concur/core';

const found = new Map<string, Promise<AnyFunction>>();

async function findTask(locator: TaskLocator): Promise<AnyFunction> {
  const namespace = (await import(locator.moduleUrl)) as Record<string, unknown>;
  for (const value of Object.values(namespace)) {
    if (!isTaskReference(value)) continue;
    const fn = value[TASK_LOCATION].fn;
    if (fn !== undefined && digestSource(fn.toString()) === locator.digest) return fn;
  }
  throw new Error(
    `Task \`${locator.displayName}\` is not exported from ${locator.moduleUrl}, so the child cannot find it. ` +
      'Export it: `export const myTask = defineTask(import.meta.url, ...)`.',
  );
}

/** Returns the function a locator names, looking it up once per child. */
export function loadLocatedTask(locator: TaskLocator): Promise<AnyFunction> {
  const key = `${locator.moduleUrl}#${locator.digest}`;
  let promise = found.get(key);
  if (promise === undefined) {
    promise = findTask(locator);
    found.set(key, promise);
    promise.catch(() => found.delete(key));
  }
  return promise;
}

/** Calls the located task with the rest of the arguments. */
export const callLocatedTask = defineTask(
  import.meta.url,
  async function callLocatedTask(locator: TaskLocator, ...args: unknown[]): Promise<unknown> {
    const fn = await loadLocatedTask(locator);
    return fn(...args);
  },
);
