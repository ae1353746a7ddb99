// Worker side: imports task modules once and looks up their exports, with clear errors.
import {
  isTaskReference,
  TASK_LOCATION,
  type AnyFunction,
  type TaskSpec,
} from './task-reference.js';

const modules = new Map<string, Promise<Record<string, unknown>>>();
const resolved = new Map<string, AnyFunction>();

function cacheKey(spec: TaskSpec): string {
  return spec.ordinal === undefined
    ? `${spec.exportName}\u0000${spec.moduleUrl}`
    : `#${spec.ordinal}\u0000${spec.moduleUrl}`;
}

/**
 * The last task looked up: a worker usually runs the same task over and over, and every
 * request brings a fresh copy of its spec, so comparing its strings with the last one's
 * spares building and hashing a cache key per task.
 */
let last: { spec: TaskSpec; fn: AnyFunction } | undefined;

/** Returns the task's function if its module is loaded already, else `undefined`. */
export function getLoadedTask(spec: TaskSpec): AnyFunction | undefined {
  if (
    last !== undefined &&
    spec.moduleUrl === last.spec.moduleUrl &&
    spec.exportName === last.spec.exportName &&
    spec.ordinal === last.spec.ordinal
  ) {
    return last.fn;
  }
  const fn = resolved.get(cacheKey(spec));
  if (fn !== undefined) last = { spec, fn };
  return fn;
}

/**
 * Imports a task's module (once) and returns the function to call. For tasks made by
 * `defineTask` this is the wrapped function itself.
 *
 * @throws Error naming the module and export when the import fails, the export is
 * missing, or it is not a function.
 */
export async function loadTask(spec: TaskSpec): Promise<AnyFunction> {
  const key = cacheKey(spec);
  const known = resolved.get(key);
  if (known !== undefined) return known;
  let promise = modules.get(spec.moduleUrl);
  if (promise === undefined) {
    promise = import(spec.moduleUrl) as Promise<Record<string, unknown>>;
    modules.set(spec.moduleUrl, promise);
    promise.catch(() => modules.delete(spec.moduleUrl));
  }
  let namespace: Record<string, unknown>;
  try {
    namespace = await promise;
  } catch (cause) {
    throw new Error(
      `Cannot import task module ${spec.moduleUrl} for task \`${spec.exportName}\`: ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
  }
  const value =
    spec.ordinal === undefined ? findExport(namespace, spec) : findByOrdinal(namespace, spec);
  const fn = isTaskReference(value) ? (value[TASK_LOCATION].fn ?? value) : value;
  if (typeof fn !== 'function') {
    throw new TypeError(
      `Export \`${spec.exportName}\` of ${spec.moduleUrl} is not a function (it is ${typeof fn}).`,
    );
  }
  resolved.set(key, fn as AnyFunction);
  return fn as AnyFunction;
}

function listExports(namespace: Record<string, unknown>): string {
  const exports = Object.keys(namespace);
  return exports.length === 0 ? 'nothing' : exports.map((e) => `\`${e}\``).join(', ');
}

function findExport(namespace: Record<string, unknown>, spec: TaskSpec): unknown {
  if (!Object.hasOwn(namespace, spec.exportName)) {
    throw new Error(
      `Module ${spec.moduleUrl} has no export \`${spec.exportName}\` (it exports: ${listExports(namespace)}).`,
    );
  }
  return namespace[spec.exportName];
}

/** Finds the export holding the `spec.ordinal`-th task defined in the module. */
function findByOrdinal(namespace: Record<string, unknown>, spec: TaskSpec): unknown {
  for (const value of Object.values(namespace)) {
    if (!isTaskReference(value)) continue;
    const location = value[TASK_LOCATION];
    if (location.moduleUrl !== spec.moduleUrl || location.ordinal !== spec.ordinal) continue;
    if (location.displayName !== spec.exportName) {
      throw new Error(
        `Task \`${spec.exportName}\` was defined as task #${spec.ordinal} of ${spec.moduleUrl}, but here that task is ` +
          `\`${location.displayName}\`: the module defines its tasks in a different order in this worker. ` +
          'Define tasks at the top level of the module, unconditionally.',
      );
    }
    return value;
  }
  const hint = spec.exportName === 'anonymous' ? 'myTask' : spec.exportName;
  throw new Error(
    `Task \`${spec.exportName}\` is not exported from ${spec.moduleUrl}, so a worker cannot find it ` +
      `(the module exports: ${listExports(namespace)}). Export it from that module: ` +
      `\`export const ${hint} = defineTask(import.meta.url, ...)\`.`,
  );
}
