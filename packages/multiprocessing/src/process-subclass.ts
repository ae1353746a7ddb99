// Main side: turns a `Process` subclass instance into what its child needs to rebuild it:
// the registered module, the export name, and the instance's own fields (cloned).
import type { RunPayload } from './process-payload.js';
import {
  encodeForChild,
  getProcessClassModule,
  resolveProcessClassExport,
} from './process-payload.js';

/**
 * Builds the `run` payload of a subclass instance. Fields are checked synchronously.
 * @throws TypeError when the class is not registered or a field cannot be serialized.
 */
export function resolveRunPayload(
  instance: object,
  name: string,
): Promise<{ value: RunPayload; revivable: boolean }> {
  const processClass = instance.constructor;
  const moduleUrl = getProcessClassModule(processClass);
  if (moduleUrl === undefined) {
    const className = processClass.name || 'MyProcess';
    throw new TypeError(
      `Process subclass \`${className}\` overrides run() but is not registered, so its child cannot find it. ` +
        `Export it and add \`registerProcessClass(import.meta.url, ${className});\` after the class.`,
    );
  }
  const keys = Object.keys(instance);
  const encoded = encodeForChild(
    name,
    keys.map((key) => (instance as Record<string, unknown>)[key]),
    (index) => `field \`${keys[index]}\``,
  );
  const fields = Object.fromEntries(keys.map((key, index) => [key, encoded.values[index]]));
  return resolveProcessClassExport(processClass, moduleUrl).then((exportName) => ({
    value: { mode: 'run', name, moduleUrl, exportName, fields },
    revivable: encoded.revivable,
  }));
}
