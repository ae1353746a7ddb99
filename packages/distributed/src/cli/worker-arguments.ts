// The `concur-worker` command line: turns parsed flags (and REDIS_URL) into worker options.
import { formatExpectation } from '@concur/core';
import type { WorkerOptions } from '../worker/worker-options.js';

/** What `concur-worker --help` prints. */
export const WORKER_USAGE = `Usage: concur-worker --connection redis://[user:password@]host:port[/db] --queue NAME [options]

Runs tasks from a concur DistributedExecutor queue until SIGINT/SIGTERM.
  --connection URL          Redis URL (default: $REDIS_URL); rediss:// for TLS
  --queue NAME              queue to take tasks from (required)
  --concurrency N           tasks run at the same time (default 1)
  --root DIR                directory task paths and packages resolve from (default: cwd)
  --name NAME               worker name in errors and BullMQ's processedBy (default host:pid)
  --lock-duration MS        lock on a running job (default 30000)
  --stalled-interval MS     how often to look for jobs of dead workers (default 30000)
  --max-stalled-count N     stalls a job survives before failing (default 1)
A worker runs whatever module a task names: only trusted producers may use its queue.
`;

/** Flags as `util.parseArgs` gives them. */
export interface WorkerFlags {
  readonly connection?: string;
  readonly queue?: string;
  readonly concurrency?: string;
  readonly root?: string;
  readonly name?: string;
  readonly 'lock-duration'?: string;
  readonly 'stalled-interval'?: string;
  readonly 'max-stalled-count'?: string;
}

/**
 * Builds worker options from flags; numbers are checked by `startWorker` itself.
 * @throws TypeError when the connection or queue is missing, or a number is not numeric.
 */
export function parseWorkerArguments(
  flags: WorkerFlags,
  env: Record<string, string | undefined>,
): Omit<WorkerOptions, 'log'> {
  const connection = flags.connection ?? env['REDIS_URL'];
  if (connection === undefined) {
    throw new TypeError('Missing `--connection` (or the REDIS_URL environment variable).');
  }
  if (flags.queue === undefined) throw new TypeError('Missing `--queue`.');
  return {
    connection,
    queue: flags.queue,
    ...number('concurrency', flags.concurrency),
    ...(flags.root === undefined ? {} : { root: flags.root }),
    ...(flags.name === undefined ? {} : { name: flags.name }),
    ...number('lockDuration', flags['lock-duration']),
    ...number('stalledInterval', flags['stalled-interval']),
    ...number('maxStalledCount', flags['max-stalled-count']),
  };
}

function number(name: string, text: string | undefined): Record<string, number> {
  if (text === undefined) return {};
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) {
    throw new TypeError(formatExpectation(name, 'a number', text));
  }
  return { [name]: value };
}
