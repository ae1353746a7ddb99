// Main side: where Thread subclasses live, so a worker thread can import the class and
// rebuild an instance (the way Python's spawn finds a Process subclass by module and name).
import { normalizeModuleUrl, validateFunction, validateString } from '@concur/core';

/** The wire form of a Thread subclass: the module to import and the export to read. */
export interface ThreadClassSpec {
  readonly moduleUrl: string;
  readonly exportName: string;
}

const registered = new WeakMap<object, ThreadClassSpec>();

/**
 * Records where a Thread subclass is exported from. Called by `Thread.register`.
 * @throws TypeError for a bad module URL, class or export name.
 */
export function registerThreadClass(
  moduleUrl: string | URL,
  threadClass: abstract new (...args: never[]) => unknown,
  exportName: string = threadClass?.name,
): void {
  const url = normalizeModuleUrl(moduleUrl);
  validateFunction('threadClass', threadClass, 'argument');
  validateString('exportName', exportName, 'argument', { nonEmpty: true });
  registered.set(threadClass, { moduleUrl: url, exportName });
}

/**
 * Returns where the class of a subclass instance is exported from.
 * @throws TypeError naming the one-line fix when the class was not registered.
 */
export function getThreadClassSpec(threadClass: { name: string }): ThreadClassSpec {
  const spec = registered.get(threadClass);
  if (spec !== undefined) return spec;
  const name = threadClass.name || 'MyThread';
  throw new TypeError(
    `Thread subclass \`${name}\` overrides run(), which runs in a worker thread, so the worker must be able to import the class. ` +
      `Export it and register it with one line in its body: \`export class ${name} extends Thread { static { Thread.register(import.meta.url, this); } ... }\`.`,
  );
}
