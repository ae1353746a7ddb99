// Main side: finds the export name of a task by scanning its module's exports, once.
import { getTaskLocation, type TaskLocation, type TaskSpec } from './task-reference.js';

const pending = new WeakMap<TaskLocation, Promise<TaskSpec>>();

/**
 * Returns the wire form of a task when it is already known, without waiting.
 * @throws TypeError when `task` is not a task reference.
 */
export function getResolvedTaskSpec(task: unknown): TaskSpec | undefined {
  const location = getTaskLocation(task);
  return location.exportName === undefined
    ? undefined
    : { moduleUrl: location.moduleUrl, exportName: location.exportName };
}

/**
 * Resolves a task to its wire form (module URL and export name). For tasks made by
 * `defineTask` the module is imported here (it usually is already) and its exports scanned
 * for the task; the answer is cached on the task.
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
