// Main side: the options of DistributedExecutor, validated once into a resolved shape.
import { validateDuration, validateOptionsObject, validatePositiveInteger } from '@concur/core';
import {
  resolveConnection,
  type Connection,
  type RedisConnectionOptions,
  type ResolvedConnection,
} from '../connection/connection.js';
import { validateQueueName } from '../worker/worker-options.js';

/** How many jobs a client keeps in Redis at once by default; more wait here, in memory. */
export const DEFAULT_MAX_IN_FLIGHT = 256;
/**
 * How long finished jobs (and their results) stay in Redis, in seconds: long enough for a
 * client that reconnects after a Redis or network outage to collect results it missed.
 */
export const RESULT_RETENTION_S = 3_600;

/** Options of {@link DistributedExecutor}. */
export interface DistributedExecutorOptions {
  /** Where Redis is: `redis://[user:password@]host:port[/db]`, `rediss://…`, or ioredis options. */
  readonly connection: Connection;
  /** The queue workers listen on (`concur-worker --queue`). */
  readonly queue: string;
  /**
   * How many of this client's tasks may be in Redis (queued or running) at once; further
   * submits wait in this process. Also the executor's `maxWorkers`.
   * @default DEFAULT_MAX_IN_FLIGHT (256)
   */
  readonly maxInFlight?: number;
  /**
   * How long each task may run once a worker starts it, in milliseconds, when `submitWith`
   * gives no `timeout`. The future then fails with a TimeoutError and the task is aborted.
   * @default Infinity
   */
  readonly defaultTimeout?: number;
  /** TLS options for Node's `tls.connect` (CA, client certificate); `rediss://` turns TLS on. @default none */
  readonly tls?: RedisConnectionOptions['tls'];
}

/** {@link DistributedExecutorOptions} with defaults filled in. */
export interface ResolvedExecutorOptions {
  readonly connection: ResolvedConnection;
  readonly queue: string;
  readonly maxInFlight: number;
  readonly defaultTimeout: number;
}

const KEYS = ['connection', 'queue', 'maxInFlight', 'defaultTimeout', 'tls'] as const;

/** @throws TypeError for a missing or invalid option, naming it. */
export function resolveExecutorOptions(options: unknown): ResolvedExecutorOptions {
  const given = validateOptionsObject('DistributedExecutor', options, KEYS);
  return {
    connection: resolveConnection(
      'connection',
      given.connection,
      given.tls as RedisConnectionOptions['tls'] | undefined,
    ),
    queue: validateQueueName(given.queue),
    maxInFlight:
      given.maxInFlight === undefined
        ? DEFAULT_MAX_IN_FLIGHT
        : validatePositiveInteger('maxInFlight', given.maxInFlight),
    defaultTimeout:
      given.defaultTimeout === undefined
        ? Infinity
        : validateDuration('defaultTimeout', given.defaultTimeout),
  };
}
