#!/usr/bin/env node
// The `concur-worker` command: starts a worker for one queue and runs until SIGINT/SIGTERM
// (graceful: running tasks finish; a second signal leaves at once).
import { parseArgs } from 'node:util';
import { startWorker } from '../worker/start-worker.js';
import { parseWorkerArguments, WORKER_USAGE } from './worker-arguments.js';

async function main(): Promise<void> {
  let options;
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        connection: { type: 'string' },
        queue: { type: 'string' },
        concurrency: { type: 'string' },
        root: { type: 'string' },
        name: { type: 'string' },
        'lock-duration': { type: 'string' },
        'stalled-interval': { type: 'string' },
        'max-stalled-count': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    if (values.help === true) {
      process.stdout.write(WORKER_USAGE);
      return;
    }
    options = parseWorkerArguments(values, process.env);
  } catch (error) {
    process.stderr.write(`concur-worker: ${(error as Error).message}\n\n${WORKER_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const worker = await startWorker({
    ...options,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      // Leave at once, even while Redis is unreachable (a graceful close waits for it);
      // running jobs are retried on other workers once their locks expire.
      process.stdout.write(`concur-worker: ${signal} again, leaving now\n`);
      process.exit(1);
    }
    process.stdout.write(`concur-worker: ${signal}, finishing running tasks\n`);
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`concur-worker: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
