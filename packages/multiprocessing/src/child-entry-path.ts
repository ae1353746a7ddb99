// Main side: where the child entry file lives. Always the built JavaScript under `dist/`,
// because Node 20 cannot start a child from a `.ts` file; this works from `src/` and `dist/`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: this file sits one level below it, in `src/` or `dist/`. */
const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the script every child process runs. */
export const CHILD_ENTRY_PATH = join(PACKAGE_ROOT, 'dist', 'child', 'child-entry.js');
