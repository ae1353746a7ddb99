// Worker side: the options of `startWorker` / `concur-worker`, validated once into a
// resolved shape with every default filled in.
import { hostname } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import {
  validateDuration,
  validateFunction,
  validateNonNegativeInteger,
  validateOptionsObject,
  validatePositiveInteger,
  validateString,
} from '@concur/core';
import {
  resolveConnection,
  type Connection,
  type RedisConnectionOptions,
  type ResolvedConnection,
} from '../connection/connection.js';

/**
 * How long a worker's lock on a running job lasts, in milliseconds, before other workers
 * may consider the job stalled (BullMQ's default; the lock is renewed every half of it
 * while the event loop is free, so only a dead or frozen worker loses it).
 */
export const DEFAULT_LOCK_DURATION_MS = 30_000;
/** How often workers look for stalled jobs, in milliseconds (BullMQ's default). */
export const DEFAULT_STALLED_INTERVAL_MS = 30_000;
/** How many times a job may stall (its worker died) before it fails with WorkerCrashedError. */
export const DEFAULT_MAX_STALLED_COUNT = 1;

/** Options of {@link startWorker}. */
export interface WorkerOptions {
  /** Where Redis is: `redis://[user:password@]host:port[/db]`, `rediss://…`, or ioredis options. */
  readonly connection: Connection;
  /** The queue to take tasks from (the client's `queue`). */
  readonly queue: string;
  /** How many tasks this worker runs at the same time. @default 1 */
  readonly concurrency?: number;
  /**
   * The directory that task paths (`./jobs/x.mjs#f`) and packages are resolved from.
   * @default process.cwd()
   */
  readonly root?: string;
  /** This worker's name in errors and in BullMQ's `processedBy`. @default `<hostname>:<pid>` */
  readonly name?: string;
  /** TLS options for Node's `tls.connect` (CA, client certificate); `rediss://` turns TLS on. @default none */
  readonly tls?: RedisConnectionOptions['tls'];
  /** Lock duration of running jobs, in milliseconds. @default DEFAULT_LOCK_DURATION_MS (30 000) */
  readonly lockDuration?: number;
  /** How often to look for stalled jobs, in milliseconds. @default DEFAULT_STALLED_INTERVAL_MS (30 000) */
  readonly stalledInterval?: number;
  /** How many stalls a job survives before failing with WorkerCrashedError. @default 1 */
  readonly maxStalledCount?: number;
  /** Where log lines go (passwords are never in them). @default writes to stderr */
  readonly log?: (line: string) => void;
}

/** {@link WorkerOptions} with every default filled in. */
export interface ResolvedWorkerOptions {
  readonly connection: ResolvedConnection;
  readonly queue: string;
  readonly concurrency: number;
  readonly root: string;
  readonly name: string;
  readonly lockDuration: number;
  readonly stalledInterval: number;
  readonly maxStalledCount: number;
  readonly log: (line: string) => void;
}

const KEYS = [
  'connection',
  'queue',
  'concurrency',
  'root',
  'name',
  'tls',
  'lockDuration',
  'stalledInterval',
  'maxStalledCount',
  'log',
] as const;

/** @throws TypeError for a missing or invalid option, naming it. */
export function resolveWorkerOptions(options: unknown): ResolvedWorkerOptions {
  const given = validateOptionsObject('startWorker', options, KEYS);
  const root =
    given.root === undefined
      ? process.cwd()
      : validateString('root', given.root, 'option', { nonEmpty: true });
  return {
    connection: resolveConnection(
      'connection',
      given.connection,
      given.tls as RedisConnectionOptions['tls'] | undefined,
    ),
    queue: validateQueueName(given.queue),
    concurrency:
      given.concurrency === undefined
        ? 1
        : validatePositiveInteger('concurrency', given.concurrency),
    root: isAbsolute(root) ? root : resolve(root),
    name:
      given.name === undefined
        ? `${hostname()}:${process.pid}`
        : validateString('name', given.name, 'option', { nonEmpty: true }),
    lockDuration: positiveDuration('lockDuration', given.lockDuration, DEFAULT_LOCK_DURATION_MS),
    stalledInterval: positiveDuration(
      'stalledInterval',
      given.stalledInterval,
      DEFAULT_STALLED_INTERVAL_MS,
    ),
    maxStalledCount:
      given.maxStalledCount === undefined
        ? DEFAULT_MAX_STALLED_COUNT
        : validateNonNegativeInteger('maxStalledCount', given.maxStalledCount),
    log:
      given.log === undefined
        ? (line) => process.stderr.write(`${line}\n`)
        : validateFunction<(line: string) => void>('log', given.log),
  };
}

/** @throws TypeError unless `queue` is a non-empty name without `:` (BullMQ's key separator). */
export function validateQueueName(queue: unknown): string {
  validateString('queue', queue, 'option', { nonEmpty: true });
  if ((queue as string).includes(':')) {
    throw new TypeError(
      `Expected the \`queue\` option to be a name without \`:\` (Redis key separator), got \`${queue as string}\` (string).`,
    );
  }
  return queue as string;
}

function positiveDuration(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  validateDuration(name, value, 'option', { allowInfinity: false });
  if ((value as number) < 1) validatePositiveInteger(name, value);
  return value as number;
}
