// A worker-thread entry: connect parentPort to the shared loop. (@concur/threading ships one.)
import { parentPort } from 'node:worker_threads';
import { createMessagePortTransport, serve } from '@concur/core';

serve(createMessagePortTransport(parentPort));
