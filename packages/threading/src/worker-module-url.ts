// Main side: where the worker-thread entry file is, from src/ (tests, tsx) or from dist/.
import { fileURLToPath } from 'node:url';

/**
 * Returns the URL of the compiled thread entry. Resolved from this module so it works from
 * `dist/`; when this module runs from `src/` (through a TypeScript loader) it points at the
 * built `dist/worker/thread-entry.js`, because Node 20 worker threads cannot start from `.ts`.
 */
export function getThreadEntryUrl(): URL {
  const here = import.meta.url;
  if (fileURLToPath(here).endsWith('.ts')) {
    return new URL('../dist/worker/thread-entry.js', here);
  }
  return new URL('./worker/thread-entry.js', here);
}
