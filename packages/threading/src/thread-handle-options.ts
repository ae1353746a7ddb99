// Main side: the options of createThreadWorkerHandle, validated once into a resolved form.
import { SHARE_ENV, type ResourceLimits } from 'node:worker_threads';
import {
  throwInvalid,
  validateArray,
  validateOptionsObject,
  validateString,
  getInheritableExecArgv,
} from '@concur/core';

/** Options of {@link createThreadWorkerHandle}. */
export interface ThreadWorkerHandleOptions {
  /** The worker's name, e.g. `ThreadPoolExecutor-0_1`. Required. */
  readonly name: string;
  /**
   * V8 heap limits of the thread (`worker_threads` `resourceLimits`); exceeding them ends
   * the thread with `ERR_WORKER_OUT_OF_MEMORY`.
   * @default no limits beyond Node's own
   */
  readonly resourceLimits?: ResourceLimits;
  /**
   * Node flags for the thread. When they mention tsx (`['--import', 'tsx']`) the thread
   * registers tsx itself, because Node 20 worker threads ignore `--import`.
   * @default the parent's `process.execArgv` without `--eval`/`--print`/`--input-type`/`--watch`…
   *   (core's `getInheritableExecArgv`)
   */
  readonly execArgv?: readonly string[];
  /**
   * The thread's `process.env`: an object, or `SHARE_ENV` to share the parent's live env.
   * @default a copy of the parent's `process.env`
   */
  readonly env?: NodeJS.ProcessEnv | typeof SHARE_ENV;
  /**
   * A structured-cloneable value readable as `workerData` inside the thread.
   * @default undefined
   */
  readonly workerData?: unknown;
}

/** The options after validation. */
export interface ResolvedThreadWorkerHandleOptions {
  readonly name: string;
  readonly resourceLimits: ResourceLimits | undefined;
  readonly execArgv: string[] | undefined;
  readonly env: NodeJS.ProcessEnv | typeof SHARE_ENV | undefined;
  readonly workerData: unknown;
}

const KNOWN_KEYS = ['name', 'resourceLimits', 'execArgv', 'env', 'workerData'] as const;
const RESOURCE_LIMIT_KEYS = [
  'maxOldGenerationSizeMb',
  'maxYoungGenerationSizeMb',
  'codeRangeSizeMb',
  'stackSizeMb',
] as const;

/**
 * Validates the options of {@link createThreadWorkerHandle}.
 * @throws TypeError naming the bad option, the expected and the received value.
 */
export function normalizeThreadWorkerHandleOptions(
  options: unknown,
): ResolvedThreadWorkerHandleOptions {
  const raw = validateOptionsObject('createThreadWorkerHandle', options, KNOWN_KEYS);
  const name = validateString('name', raw.name, 'option', { nonEmpty: true });
  // Default: Node's own inheritance, unless the parent was started with --eval/--print/
  // --input-type…, which a worker cannot take: then the parent's flags without those.
  const inheritable = getInheritableExecArgv();
  let execArgv: string[] | undefined =
    inheritable.length === process.execArgv.length ? undefined : inheritable;
  if (raw.execArgv !== undefined) {
    const args = validateArray('execArgv', raw.execArgv);
    if (!args.every((arg): arg is string => typeof arg === 'string')) {
      throwInvalid('execArgv', 'an array of strings', raw.execArgv);
    }
    execArgv = [...args];
  }
  const env = raw.env;
  if (env !== undefined && env !== SHARE_ENV && (typeof env !== 'object' || env === null)) {
    throwInvalid('env', 'an object or SHARE_ENV', env);
  }
  return {
    name,
    resourceLimits: normalizeResourceLimits(raw.resourceLimits),
    execArgv,
    env: env as NodeJS.ProcessEnv | typeof SHARE_ENV | undefined,
    workerData: raw.workerData,
  };
}

function normalizeResourceLimits(value: unknown): ResourceLimits | undefined {
  if (value === undefined) return undefined;
  const raw = validateOptionsObject('the `resourceLimits` option', value, RESOURCE_LIMIT_KEYS);
  for (const key of RESOURCE_LIMIT_KEYS) {
    const limit = raw[key];
    if (limit !== undefined && (typeof limit !== 'number' || !(limit > 0) || !isFinite(limit))) {
      throwInvalid(`resourceLimits.${key}`, 'a positive number of megabytes', limit);
    }
  }
  return { ...raw } as ResourceLimits;
}
