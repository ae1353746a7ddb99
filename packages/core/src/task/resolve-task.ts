// Main side: finds the export name of a task by scanning its module's exports, once.
import { getTaskLocation, type TaskLocation, type TaskSpec } from './task-reference.js';

const pending = new WeakMap<TaskLocation, Promise<TaskSpec>>();

/**
 * Returns the wire form of a task at once, without importing anything: the export name
 * when it is known, else (for a `defineTask` task) its ordinal in its module, which the
 * worker turns into the export by scanning the module there. This is what executors send.
 * @throws TypeError when `task` is not a task reference.
 */
export function getTaskSpec(task: unknown): TaskSpec {
  const location = getTaskLocation(task);
  if (location.exportName !== undefined) {
    return { moduleUrl: location.moduleUrl, exportName: location.exportName };
  }
  // Learn the real export name in the background, for later sends and messages. Nothing
  // waits on it, so a module that is still evaluating cannot deadlock anything.
  if (!pending.has(location)) resolveTaskSpec(task).catch(() => {});
  return {
    moduleUrl: location.moduleUrl,
    exportName: location.displayName,
    ordinal: location.ordinal,
  };
}

/**
 * The best name of a task for messages: its export name once known, else its function's
 * name (`anonymous` for an unnamed arrow function until the export name is learned).
 * @throws TypeError when `task` is not a task reference.
 */
export function getTaskName(task: unknown): string {
  const location = getTaskLocation(task);
  return location.exportName ?? location.displayName;
}

/**
 * Same as {@link getTaskSpec}: kept for callers that treat `undefined` as "resolve first";
 * it never returns `undefined` for a task reference.
 * @throws TypeError when `task` is not a task reference.
 */
export function getResolvedTaskSpec(task: unknown): TaskSpec | undefined {
  return getTaskSpec(task);
}

/**
 * Resolves a task to its module URL and real export name. For tasks made by `defineTask`
 * the module is imported here (it usually is already) and its exports scanned for the task;
 * the answer is cached on the task. Use it when the export name itself is needed (e.g. to
 * hand the task to another pool library); executors use {@link getTaskSpec}, which never
 * imports. Do not await it for a task of the main script from that script's top level:
 * importing a module that is still evaluating waits on itself.
 *
 * @throws TypeError when `task` is not a task reference.
 * @throws Error when the module cannot be imported or does not export the task.
 */
export function resolveTaskSpec(task: unknown): Promise<TaskSpec> {
  const location = getTaskLocation(task);
  if (location.exportName !== undefined) {
    return Promise.resolve({ moduleUrl: location.moduleUrl, exportName: location.exportName });
  }
  let promise = pending.get(location);
  if (promise === undefined) {
    promise = findExportName(location, task);
    pending.set(location, promise);
    // A failed lookup may succeed later (e.g. after a build), so it is not cached.
    promise.catch(() => pending.delete(location));
  }
  return promise;
}

async function findExportName(location: TaskLocation, task: unknown): Promise<TaskSpec> {
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(location.moduleUrl)) as Record<string, unknown>;
  } catch (cause) {
    throw new Error(
      `Cannot import the module of task \`${location.displayName}\` (${location.moduleUrl}): ${(cause as Error)?.message ?? String(cause)}. ` +
        'Pass `import.meta.url` of the module that defines the task as the first argument of defineTask().',
      { cause },
    );
  }
  for (const [exportName, value] of Object.entries(namespace)) {
    if (value === task) {
      location.exportName = exportName;
      return { moduleUrl: location.moduleUrl, exportName };
    }
  }
  throw new Error(
    `Task \`${location.displayName}\` is not exported from ${location.moduleUrl}, so a worker cannot find it. ` +
      `Export it from that module: \`export const ${location.displayName === 'anonymous' ? 'myTask' : location.displayName} = defineTask(import.meta.url, ...)\`.`,
  );
}
