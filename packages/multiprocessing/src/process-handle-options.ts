// Options of a process worker handle (name, execArgv, env, cwd): validated once, with
// defaults applied, for the handle itself and for `Process` and `Pool` that build on it.
import {
  throwInvalid,
  validateArray,
  validateOptionsObject,
  validateString,
  getInheritableExecArgv,
} from '@concur/core';

/** Options of {@link createProcessWorkerHandle}. */
export interface ProcessWorkerHandleOptions {
  /** The child's process name, reported by `currentProcess().name` inside it. */
  readonly name: string;
  /**
   * Node flags for the child, such as `['--import', 'tsx']`.
   * @default the parent's `process.execArgv` without `--eval`/`--print`/`--input-type`/`--watch`…
   *   (core's `getInheritableExecArgv`), so a loader like tsx carries over
   */
  readonly execArgv?: readonly string[];
  /**
   * Extra environment variables, merged over `process.env`.
   * @default {}
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * The child's working directory.
   * @default process.cwd()
   */
  readonly cwd?: string;
}

const OPTION_KEYS = ['name', 'execArgv', 'env', 'cwd'] as const;

/** The options with defaults applied. */
export interface ResolvedProcessWorkerHandleOptions {
  readonly name: string;
  readonly execArgv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string | undefined;
}

/**
 * Validates process options once and applies their defaults.
 * @param what - the caller's name for messages, e.g. `Process`.
 * @throws TypeError naming the bad option.
 */
export function resolveProcessWorkerHandleOptions(
  what: string,
  options: unknown,
  extraKeys: readonly string[] = [],
): ResolvedProcessWorkerHandleOptions {
  const known = validateOptionsObject(what, options, [...OPTION_KEYS, ...extraKeys]) as Partial<
    Record<(typeof OPTION_KEYS)[number], unknown>
  >;
  const name = validateString('name', known.name, 'option', { nonEmpty: true });
  const execArgv = (
    known.execArgv === undefined
      ? getInheritableExecArgv()
      : validateArray('execArgv', known.execArgv)
  ) as string[];
  for (const [index, flag] of execArgv.entries()) validateString(`execArgv[${index}]`, flag);
  const env = validateEnvironment(known.env);
  const cwd = known.cwd === undefined ? undefined : validateString('cwd', known.cwd);
  return { name, execArgv: [...execArgv], env, cwd };
}

function validateEnvironment(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throwInvalid('env', 'an object of strings', value);
  }
  for (const [key, entry] of Object.entries(value as object)) validateString(`env.${key}`, entry);
  return { ...(value as Record<string, string>) };
}
