// Worker-thread entry: a few lines that connect this thread's parentPort to core's worker loop.
import { isMainThread, parentPort } from 'node:worker_threads';
import { createMessagePortTransport, serve } from '@concur/core';
import { registerTypeScriptLoaderIfRequested } from './typescript-loader.js';

if (isMainThread || parentPort === null) {
  throw new Error(
    '@concur/threading: thread-entry.js must be loaded as a worker thread by createThreadWorkerHandle(), not imported or run directly.',
  );
}
await registerTypeScriptLoaderIfRequested();
serve(createMessagePortTransport(parentPort));
