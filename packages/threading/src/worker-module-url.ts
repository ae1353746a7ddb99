// Main side: where the package's worker-side modules are, from src/ (tsx) or from dist/.
import { fileURLToPath } from 'node:url';

/**
 * Returns the URL of a compiled module under `worker/`, e.g. `thread-entry.js`. Resolved
 * from this module so it works from `dist/`; when this module runs from `src/` (through a
 * TypeScript loader) it points at `dist/`, because Node 20 worker threads cannot start
 * from `.ts`.
 */
export function getWorkerModuleUrl(fileName: string): URL {
  const here = import.meta.url;
  if (fileURLToPath(here).endsWith('.ts')) return new URL(`../dist/worker/${fileName}`, here);
  return new URL(`./worker/${fileName}`, here);
}
