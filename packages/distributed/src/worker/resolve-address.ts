// Worker side: turns a task address into a file URL under this worker's root: paths stay
// inside the root, packages are found through node_modules and their `exports` map.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { splitSpecifier, type TaskAddress } from '../task/task-address.js';

/** The conditions this worker matches in a package's `exports`, as `import()` would. */
const CONDITIONS = ['import', 'node', 'default'];

/**
 * Resolves `address` to the URL of the module to import.
 * @param root - the worker's root directory (absolute).
 * @throws Error saying what was looked for and where, when the module cannot be found.
 */
export function resolveTaskAddress(address: TaskAddress, root: string): string {
  if (address.package !== undefined) {
    const dir = findPackageDirectory(address.package, root);
    return pathToFileURL(insideDirectory(dir, address.module, `package ${address.package}`)).href;
  }
  if (address.module.startsWith('./')) {
    return pathToFileURL(insideDirectory(root, address.module, 'the worker root')).href;
  }
  const { name, subpath } = splitSpecifier(address.module);
  const dir = findPackageDirectory(name, root);
  return pathToFileURL(resolvePackageSubpath(dir, name, subpath)).href;
}

function insideDirectory(dir: string, path: string, what: string): string {
  const file = resolve(dir, path);
  if (file !== dir && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) {
    throw new Error(`The path ${path} leaves ${what} (${dir}).`);
  }
  if (!existsSync(file)) throw new Error(`There is no file ${path} in ${what} (${dir}).`);
  return file;
}

/** Finds an installed package from `root`: the root package itself, or node_modules upward. */
function findPackageDirectory(name: string, root: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    if (readManifest(dir)?.name === name) return realpathSync(dir);
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) break;
  }
  throw new Error(`Package ${name} is not installed under the worker root ${root}.`);
}

interface Manifest {
  name?: unknown;
  main?: unknown;
  exports?: unknown;
}

function readManifest(dir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

function resolvePackageSubpath(dir: string, name: string, subpath: string): string {
  const manifest = readManifest(dir) ?? {};
  if (manifest.exports === undefined) {
    const path =
      subpath === '.' ? (typeof manifest.main === 'string' ? manifest.main : 'index.js') : subpath;
    return insideDirectory(dir, path.startsWith('.') ? path : `./${path}`, `package ${name}`);
  }
  const exportsMap = normalizeExports(manifest.exports);
  const target = matchExport(exportsMap, subpath);
  if (target === undefined) {
    throw new Error(`Package ${name} does not export ${subpath} (see its package.json "exports").`);
  }
  return insideDirectory(dir, target, `package ${name}`);
}

function normalizeExports(exportsField: unknown): Record<string, unknown> {
  const isSubpathMap =
    typeof exportsField === 'object' &&
    exportsField !== null &&
    !Array.isArray(exportsField) &&
    Object.keys(exportsField).every((key) => key.startsWith('.'));
  return isSubpathMap ? (exportsField as Record<string, unknown>) : { '.': exportsField };
}

function matchExport(exportsMap: Record<string, unknown>, subpath: string): string | undefined {
  if (Object.hasOwn(exportsMap, subpath)) return pickTarget(exportsMap[subpath], undefined);
  for (const [key, value] of Object.entries(exportsMap)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (
      subpath.startsWith(prefix) &&
      subpath.endsWith(suffix) &&
      subpath.length >= key.length - 1
    ) {
      return pickTarget(value, subpath.slice(prefix.length, subpath.length - suffix.length));
    }
  }
  return undefined;
}

function pickTarget(target: unknown, star: string | undefined): string | undefined {
  if (typeof target === 'string') return star === undefined ? target : target.replaceAll('*', star);
  if (Array.isArray(target)) {
    for (const item of target) {
      const picked = pickTarget(item, star);
      if (picked !== undefined) return picked;
    }
    return undefined;
  }
  if (typeof target === 'object' && target !== null) {
    for (const [condition, value] of Object.entries(target)) {
      if (CONDITIONS.includes(condition)) {
        const picked = pickTarget(value, star);
        if (picked !== undefined) return picked;
      }
    }
  }
  return undefined;
}
