// Main side: `remoteTask('pkg#export')`, a typed reference to a task that only the workers
// need to have installed, named by package specifier or by a path under the worker's root.
import { describeValue, TASK_LOCATION, type AnyFunction, type TaskReference } from '@concur/core';
import { isPackageName, splitSpecifier, type TaskAddress } from './task-address.js';

/** The key under which a remote task keeps its address. */
export const REMOTE_TASK_ADDRESS: unique symbol = Symbol.for('concur.remoteTaskAddress') as never;

/**
 * A task known only by name: the client does not import it, the worker does. It is a
 * core `TaskReference` too, so `submit` and `map` infer arguments and results from `F`
 * with any executor; local executors import package specifiers directly.
 */
export type RemoteTask<F extends AnyFunction = AnyFunction> = TaskReference<F> & {
  readonly [REMOTE_TASK_ADDRESS]: TaskAddress;
};

/**
 * Names a task that workers load: `'<package specifier>#<export>'` or
 * `'./<path from the worker's root>#<export>'`.
 *
 * @param reference - e.g. `'@acme/jobs#resize'`, `'@acme/jobs/images#resize'`,
 * `'./jobs/resize.mjs#resize'`.
 * @throws TypeError when the reference has no `#export`, is an absolute path or URL, or
 * does not start with a package name or `./`.
 * @example
 * const resize = remoteTask<typeof import('@acme/jobs').resize>('@acme/jobs#resize');
 * await executor.submit(resize, 'cat.png', 128);
 */
export function remoteTask<F extends AnyFunction = AnyFunction>(reference: string): RemoteTask<F> {
  const address = parseTaskReference(reference);
  const location = {
    // A bare specifier is importable as is where the package is installed; a path under
    // the worker's root means nothing here, so its URL scheme says where it belongs.
    moduleUrl: address.module.startsWith('./')
      ? `concur-worker-root:${address.module}`
      : address.module,
    exportName: address.exportName,
    fn: undefined,
    displayName: address.exportName,
    ordinal: undefined,
  };
  return Object.freeze({
    [REMOTE_TASK_ADDRESS]: address,
    [TASK_LOCATION]: location,
  }) as RemoteTask<F>;
}

/**
 * Tells whether a value was made by {@link remoteTask}.
 * @example
 * isRemoteTask(remoteTask('@acme/jobs#resize')); // true
 */
export function isRemoteTask(value: unknown): value is RemoteTask {
  return typeof value === 'object' && value !== null && REMOTE_TASK_ADDRESS in value;
}

function parseTaskReference(reference: unknown): TaskAddress {
  const expected =
    "Expected the `reference` argument to be '<package>#<export>' or './<path from the worker root>#<export>'";
  if (typeof reference !== 'string')
    throw new TypeError(`${expected}, got ${describeValue(reference)}.`);
  const hash = reference.lastIndexOf('#');
  const module = hash < 0 ? reference : reference.slice(0, hash);
  const exportName = hash < 0 ? '' : reference.slice(hash + 1);
  if (exportName === '' || module === '') {
    throw new TypeError(`${expected}, got \`${reference}\` (no \`#export\`).`);
  }
  if (module.startsWith('./')) {
    if (module.split('/').includes('..')) {
      throw new TypeError(
        `${expected}, got \`${reference}\`: the path must stay inside the worker's root (no \`..\`).`,
      );
    }
    return { module, exportName };
  }
  if (!isPackageName(splitSpecifier(module).name)) {
    throw new TypeError(
      `${expected}, got \`${reference}\`. Absolute paths and file:// URLs are not allowed: they name the client's disk, not the worker's.`,
    );
  }
  return { module, exportName };
}
