// Task references: how a function is named across a thread or process boundary
// (module URL + export name), since functions themselves cannot be sent.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeValue, validateFunction, validateString } from '../options/validate.js';

/** Any function a task may wrap. */
export type AnyFunction = (...args: any[]) => unknown;

/** The wire form of a task: the module to import and the export to call. */
export interface TaskSpec {
  readonly moduleUrl: string;
  /** The export to call; with `ordinal`, only the task's name, for messages. */
  readonly exportName: string;
  /**
   * For a task made by {@link defineTask} whose export name is not known yet: it is the
   * `ordinal`-th task defined in its module. The worker imports the module and finds the
   * export holding that task, so the main side never has to import a module to name a task
   * (which would deadlock for tasks of a main script that is still in a top-level `await`).
   */
  readonly ordinal?: number;
}

/** Where a task lives; `exportName` is found lazily for tasks made by {@link defineTask}. */
export interface TaskLocation {
  readonly moduleUrl: string;
  exportName: string | undefined;
  /** The function itself, when this side has it (tasks made by {@link defineTask}). */
  readonly fn: AnyFunction | undefined;
  /** A readable name for messages: the export name, else the function's name. */
  readonly displayName: string;
  /** For {@link defineTask} tasks: how many tasks its module defined before this one. */
  readonly ordinal: number | undefined;
}

/** The key under which a task keeps its location. */
export const TASK_LOCATION: unique symbol = Symbol.for('concur.taskLocation') as never;
declare const TASK_SIGNATURE: unique symbol;

/**
 * Something that names a function in a module, so it can run in another thread or process.
 * The type parameter carries the function's signature for `submit` and `map` inference.
 */
export interface TaskReference<F extends AnyFunction = AnyFunction> {
  readonly [TASK_LOCATION]: TaskLocation;
  /** Type-only: the signature of the referenced function. */
  readonly [TASK_SIGNATURE]?: F;
}

/** A task made by {@link defineTask}: callable here, and sendable to workers. */
export type Task<F extends AnyFunction = AnyFunction> = F & TaskReference<F>;

/** The function signature a task reference stands for. */
export type TaskFunction<T> =
  T extends TaskReference<infer F> ? F : T extends AnyFunction ? T : never;

/** The argument list of a task. */
export type TaskArguments<T> = Parameters<TaskFunction<T>>;

/** What awaiting a task's result gives. */
export type TaskResult<T> = Awaited<ReturnType<TaskFunction<T>>>;

/**
 * Normalizes `import.meta.url`, a `URL` or an absolute path to a URL string.
 * @throws TypeError for anything else.
 */
export function normalizeModuleUrl(moduleUrl: unknown, name = 'moduleUrl'): string {
  if (moduleUrl instanceof URL) return moduleUrl.href;
  if (typeof moduleUrl === 'string') {
    if (isAbsolute(moduleUrl)) return pathToFileURL(moduleUrl).href;
    if (URL.canParse(moduleUrl)) return moduleUrl;
  }
  throw new TypeError(
    `Expected the \`${name}\` argument to be \`import.meta.url\`, a URL or an absolute path, got ${describeValue(moduleUrl)}.`,
  );
}

/** How many tasks each module has defined so far; a task's ordinal names it to workers. */
const definitionCounts = new Map<string, number>();

/**
 * Defines a task: a function that can be called here as usual and also submitted to
 * worker threads and child processes. Export the result from its module; the export name
 * is found by scanning the module's exports, so you never type it. Define tasks at the top
 * level of their module, unconditionally: a worker finds a task by its place among the
 * module's task definitions, then checks the export that holds it.
 *
 * @param moduleUrl - always `import.meta.url` of the module that defines and exports the task.
 * @param fn - the function; its arguments and result must be structured-cloneable to cross.
 * @returns a callable task.
 * @throws TypeError when `moduleUrl` is not a URL or absolute path, or `fn` not a function.
 * @example
 * export const square = defineTask(import.meta.url, (n: number) => n * n);
 * square(3); // 9, here
 * await executor.submit(square, 3); // 9, in a worker
 */
export function defineTask<F extends AnyFunction>(moduleUrl: string | URL, fn: F): Task<F> {
  const url = normalizeModuleUrl(moduleUrl);
  validateFunction('fn', fn, 'argument');
  const task = function (this: unknown, ...args: unknown[]) {
    return fn.apply(this, args);
  } as unknown as Task<F>;
  Object.defineProperty(task, 'name', { value: fn.name, configurable: true });
  Object.defineProperty(task, 'length', { value: fn.length, configurable: true });
  const ordinal = definitionCounts.get(url) ?? 0;
  definitionCounts.set(url, ordinal + 1);
  Object.defineProperty(task, TASK_LOCATION, {
    value: {
      moduleUrl: url,
      exportName: undefined,
      fn,
      displayName: fn.name || 'anonymous',
      ordinal,
    },
  });
  return task;
}

/**
 * Refers to a plain exported function of any module, without importing it here.
 * Type it through the generic so `submit` and `map` check arguments and results.
 *
 * @param moduleUrl - the module's URL (e.g. `new URL('./jobs.js', import.meta.url)`) or absolute path.
 * @param exportName - the name of the export to call.
 * @example
 * const resize = taskFrom<typeof import('./jobs.js').resize>(new URL('./jobs.js', import.meta.url), 'resize');
 */
export function taskFrom<F extends AnyFunction = AnyFunction>(
  moduleUrl: string | URL,
  exportName: string,
): TaskReference<F> {
  const url = normalizeModuleUrl(moduleUrl);
  validateString('exportName', exportName, 'argument', { nonEmpty: true });
  return Object.freeze({
    [TASK_LOCATION]: {
      moduleUrl: url,
      exportName,
      fn: undefined,
      displayName: exportName,
      ordinal: undefined,
    },
  }) as TaskReference<F>;
}

/** Tells whether a value is a task made by {@link defineTask} or {@link taskFrom}. */
export function isTaskReference(value: unknown): value is TaskReference {
  return (
    (typeof value === 'function' || (typeof value === 'object' && value !== null)) &&
    TASK_LOCATION in (value as object)
  );
}

/**
 * Returns where a task lives.
 * @throws TypeError when `task` is not a task reference (with how to make one).
 */
export function getTaskLocation(task: unknown, name = 'task'): TaskLocation {
  if (isTaskReference(task)) return task[TASK_LOCATION];
  const hint =
    typeof task === 'function'
      ? ' Wrap the function with `defineTask(import.meta.url, fn)` and export it, or refer to an export with `taskFrom(url, name)`.'
      : '';
  throw new TypeError(
    `Expected the \`${name}\` argument to be a task from defineTask() or taskFrom(), got ${describeValue(task)}.${hint}`,
  );
}
