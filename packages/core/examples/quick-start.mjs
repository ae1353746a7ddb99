// Quick start: a task defined once, called here, then run in a worker thread; an error
// thrown there arrives here with its class, fields and cause.
import { Worker } from 'node:worker_threads';
import { deserializeError, registerErrorClass, resolveTaskSpec } from '@concur/core';
import { charge, QuotaError, square } from './tasks.mjs';

console.log('here:', square(7));
console.log('wire form:', await resolveTaskSpec(square));

registerErrorClass(QuotaError);
const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url));
const reply = new Promise((resolve) => worker.once('message', resolve));
worker.postMessage({ type: 'run', id: 1, task: await resolveTaskSpec(charge), args: [250] });
const response = await reply;
const error = deserializeError(response.error, 'thread "example"');
console.log('instanceof QuotaError:', error instanceof QuotaError, '| limit:', error.limit);
console.log('cause:', error.cause instanceof RangeError, error.cause.message);
console.log(error.stack.replaceAll(process.cwd(), '.'));
await worker.terminate();
