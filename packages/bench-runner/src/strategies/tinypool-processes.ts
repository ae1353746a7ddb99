// tinypool with its child_process runtime as a peer (the process-pool reference in issue 7).
import { createTinypoolStrategy } from './tinypool-runtime.js';

/** tinypool, child_process runtime. */
export const tinypoolProcessesStrategy = createTinypoolStrategy('child_process');
