// Main side: where the child-side files live. Always the built JavaScript under `dist/`,
// because Node 20 cannot start a child from a `.ts` file; this works from `src/` and `dist/`.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TaskSpec } from '@concur/core';

/** The package root: this file sits one level below it, in `src/` or `dist/`. */
const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHILD_DIRECTORY = join(PACKAGE_ROOT, 'dist', 'child');

/** Absolute path of the script every child process runs. */
export const CHILD_ENTRY_PATH = join(CHILD_DIRECTORY, 'child-entry.js');

/** The child-side task that runs a `Process`'s target or `run()` method. */
export const RUN_PROCESS_TASK: TaskSpec = {
  moduleUrl: pathToFileURL(join(CHILD_DIRECTORY, 'run-process.js')).href,
  exportName: 'runProcess',
};
