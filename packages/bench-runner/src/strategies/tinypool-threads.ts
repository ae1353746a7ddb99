// tinypool with its worker_threads runtime as a peer.
import { createTinypoolStrategy } from './tinypool-runtime.js';

/** tinypool, worker_threads runtime. */
export const tinypoolThreadsStrategy = createTinypoolStrategy('worker_threads');
