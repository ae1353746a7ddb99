// Pool options: validated once at the constructor, defaults applied, so the pool never
// sees `undefined`.
import {
  cpuCount,
  getTaskLocation,
  validateArray,
  validateOptionsObject,
  validatePositiveInteger,
  type TaskReference,
} from '@concur/core';
import { resolveProcessWorkerHandleOptions } from '../process-handle-options.js';

/** Options of {@link Pool}. */
export interface PoolOptions<I extends TaskReference = TaskReference> {
  /**
   * How many worker processes to run.
   * @default cpuCount()
   */
  readonly processes?: number;
  /** A task each worker runs once when it starts (export it from its module). */
  readonly initializer?: I;
  /**
   * Arguments for `initializer`; they cross by V8 serialization.
   * @default []
   */
  readonly initargs?: readonly unknown[];
  /**
   * How many tasks (a chunk counts as one) a worker runs before it is replaced by a fresh
   * one; releases memory a task leaks.
   * @default Infinity (workers live as long as the pool)
   */
  readonly maxTasksPerChild?: number;
  /** Node flags for the workers. @default process.execArgv */
  readonly execArgv?: readonly string[];
  /** Extra environment variables for the workers. @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** The workers' working directory. @default process.cwd() */
  readonly cwd?: string;
}

/** Pool options with defaults applied. */
export interface ResolvedPoolOptions {
  readonly processes: number;
  readonly initializer: TaskReference | undefined;
  readonly initargs: readonly unknown[];
  readonly maxTasksPerChild: number;
  readonly execArgv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string | undefined;
}

const KEYS = [
  'processes',
  'initializer',
  'initargs',
  'maxTasksPerChild',
  'execArgv',
  'env',
  'cwd',
] as const;

/**
 * @throws TypeError naming the bad option.
 */
export function resolvePoolOptions(options: unknown): ResolvedPoolOptions {
  const known = validateOptionsObject('Pool', options, KEYS);
  const handle = resolveProcessWorkerHandleOptions('Pool', {
    name: 'SpawnPoolWorker',
    execArgv: known.execArgv,
    env: known.env,
    cwd: known.cwd,
  });
  if (known.initializer !== undefined) getTaskLocation(known.initializer, 'initializer');
  return {
    processes:
      known.processes === undefined
        ? cpuCount()
        : validatePositiveInteger('processes', known.processes),
    initializer: known.initializer as TaskReference | undefined,
    initargs: known.initargs === undefined ? [] : [...validateArray('initargs', known.initargs)],
    maxTasksPerChild:
      known.maxTasksPerChild === undefined
        ? Infinity
        : validatePositiveInteger('maxTasksPerChild', known.maxTasksPerChild),
    execArgv: handle.execArgv,
    env: handle.env,
    cwd: handle.cwd,
  };
}
