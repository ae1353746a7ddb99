// Main side: finds the wire address of any task, mapping tasks made by core's defineTask /
// taskFrom to the package that contains their module (workers install the same package).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTaskLocation, isTaskReference, resolveTaskSpec, type TaskSpec } from '@concur/core';
import { isRemoteTask, REMOTE_TASK_ADDRESS } from './remote-task.js';
import type { TaskAddress } from './task-address.js';

const addresses = new Map<string, TaskAddress>();

/**
 * Returns where workers find `task`: its own address for a {@link remoteTask}; for a task
 * from `defineTask` / `taskFrom`, the package that contains its module and the file's path
 * inside that package.
 *
 * @throws TypeError when `task` is not a task, or its module is not inside a package with
 * a `name` in its package.json (then workers could not find it: use `remoteTask`).
 * @example
 * await getTaskAddress(resize); // { package: '@acme/jobs', module: './dist/resize.js', exportName: 'resize' }
 */
export async function getTaskAddress(task: unknown): Promise<TaskAddress> {
  if (isRemoteTask(task)) return task[REMOTE_TASK_ADDRESS];
  if (!isTaskReference(task)) getTaskLocation(task);
  const spec = await resolveTaskSpec(task);
  const key = `${spec.exportName}\u0000${spec.moduleUrl}`;
  let address = addresses.get(key);
  if (address === undefined) {
    address = findPackageAddress(spec);
    addresses.set(key, address);
  }
  return address;
}

function findPackageAddress(spec: TaskSpec): TaskAddress {
  const fail = (why: string): never => {
    throw new TypeError(
      `Task \`${spec.exportName}\` (${spec.moduleUrl}) cannot run on other machines: ${why}. ` +
        "Put it in a package that the workers install too, or name it with remoteTask('<package>#<export>') " +
        "or remoteTask('./<path from the worker root>#<export>').",
    );
  };
  if (!spec.moduleUrl.startsWith('file:')) fail('its module is not a file');
  const file = fileURLToPath(spec.moduleUrl);
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = readPackageName(manifest);
      if (name !== undefined) {
        const path = relative(dir, file).split(sep).join('/');
        return { package: name, module: `./${path}`, exportName: spec.exportName };
      }
    }
    if (dirname(dir) === dir) break;
  }
  return fail('its module is not inside a package with a name');
}

function readPackageName(manifest: string): string | undefined {
  try {
    const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}
