// Options of `Process`, and its default name (`Process-N`, or `<parent>:N` in a child).
import { getTaskLocation, type TaskArguments, type TaskReference } from '@concur/core';
import { currentProcess, isMainProcess } from './identity/process-identity.js';
import { nextProcessNumber } from './process-registry.js';

/** Options of {@link Process}. */
export interface ProcessOptions<T extends TaskReference = TaskReference> {
  /** The task to run in the child (from `defineTask`, exported). Omit when subclassing with `run()`. */
  readonly target?: T;
  /**
   * Arguments for `target`; they cross by V8 serialization.
   * @default []
   */
  readonly args?: TaskArguments<T>;
  /**
   * The process's name.
   * @default `Process-N` (`<parent>:N` inside a child)
   */
  readonly name?: string;
  /**
   * A daemon child does not keep the parent alive and is ended when the parent exits.
   * @default false
   */
  readonly daemon?: boolean;
  /** Node flags for the child. @default process.execArgv */
  readonly execArgv?: readonly string[];
  /** Extra environment variables. @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** The child's working directory. @default process.cwd() */
  readonly cwd?: string;
}

/** Every option `Process` accepts. */
export const PROCESS_OPTION_KEYS = [
  'target',
  'args',
  'name',
  'daemon',
  'execArgv',
  'env',
  'cwd',
] as const;

/** @throws TypeError when `target` is not a task. */
export function checkTarget<T>(target: unknown): T {
  getTaskLocation(target, 'target');
  return target as T;
}

/** The next default name, numbered per process as in Python. */
export function defaultName(): string {
  const number = nextProcessNumber();
  return isMainProcess() ? `Process-${number}` : `${currentProcess().name}:${number}`;
}
