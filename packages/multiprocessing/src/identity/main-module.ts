// The ESM equivalent of Python's `if __name__ == "__main__":` guard: children import your
// module to find a task (spawn semantics), so code that starts processes must not rerun there.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeModuleUrl } from '@concur/core';
import { isMainProcess } from './process-identity.js';

const SCRIPT_EXTENSIONS = ['', '.js', '.mjs', '.cjs', '.ts', '.mts'];

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Tells whether the module at `moduleUrl` is the script Node was started with, in the main
 * process. A child that imports the module to find a task gets `false`, so the guarded code
 * (which starts processes) runs once, as under Python's spawn start method.
 *
 * @param moduleUrl - always `import.meta.url`.
 * @throws TypeError when `moduleUrl` is not a URL or absolute path.
 * @example
 * if (isMainModule(import.meta.url)) {
 *   const p = new Process({ target: worker, args: [1] });
 *   p.start();
 *   await p.join();
 * }
 */
export function isMainModule(moduleUrl: string | URL): boolean {
  const url = normalizeModuleUrl(moduleUrl);
  if (!isMainProcess() || process.argv[1] === undefined) return false;
  if (!url.startsWith('file:')) return false;
  const modulePath = realPath(fileURLToPath(url));
  if (modulePath === undefined) return false;
  const script = resolve(process.argv[1]);
  return SCRIPT_EXTENSIONS.some((extension) => realPath(script + extension) === modulePath);
}
