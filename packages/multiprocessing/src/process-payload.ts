// What a `Process` sends its child: the target task and its arguments, or a subclass's
// module, export and fields. Checked synchronously in `start()` so errors name the argument.
import { serialize } from 'node:v8';
import {
  encodeRevivables,
  normalizeModuleUrl,
  type TaskReference,
  type TaskSpec,
} from '@concur/core';
import { isMainModule } from './identity/main-module.js';
import { digestSource, resolveTaskTarget, type TaskTarget } from './task-target.js';

/** The child runs a task with arguments. */
export interface TargetPayload {
  readonly mode: 'target';
  readonly name: string;
  readonly task: TaskSpec;
  readonly args: readonly unknown[];
}

/** The child rebuilds a `Process` subclass instance from its fields and calls `run()`. */
export interface RunPayload {
  readonly mode: 'run';
  readonly name: string;
  readonly moduleUrl: string;
  /** The class's export name, or its source digest for a class of the main script. */
  readonly exportName: string | { readonly digest: string };
  readonly fields: Readonly<Record<string, unknown>>;
}

/** The argument of the child-side `runProcess` task. */
export type ProcessPayload = TargetPayload | RunPayload;

/**
 * Encodes revivable values (Queues, Pipes) and checks that every value can cross by V8
 * serialization, naming the first one that cannot.
 * @throws TypeError naming the value (e.g. ``argument 2 (`args[1]`)``) and why.
 */
export function encodeForChild(
  processName: string,
  values: readonly unknown[],
  describe: (index: number) => string,
): { values: unknown[]; revivable: boolean } {
  const encoded = encodeRevivables(values, 'process');
  for (const [index, value] of encoded.values.entries()) {
    try {
      serialize(value);
    } catch (cause) {
      throw new TypeError(
        `Cannot send ${describe(index)} of \`${processName}\` to the child process: ${(cause as Error).message}. ` +
          'Values cross by V8 serialization: plain data, Maps, Sets, Dates, typed arrays and errors work; ' +
          'functions, symbols and sockets do not.',
        { cause },
      );
    }
  }
  return encoded;
}

/**
 * Builds the payload of a target process: arguments checked now, the task resolved after.
 * @throws TypeError when there is no target, or an argument cannot be serialized.
 */
export function resolveTargetPayload(
  target: TaskReference | undefined,
  args: readonly unknown[],
  name: string,
): Promise<{ value: TargetPayload; revivable: boolean }> {
  if (target === undefined) {
    throw new TypeError(
      `Process \`${name}\` has nothing to run: pass the \`target\` option, or subclass Process and override run().`,
    );
  }
  const encoded = encodeForChild(name, args, (i) => `argument ${i + 1} (\`args[${i}]\`)`);
  const build = ({ spec, prefix }: TaskTarget) => ({
    value: { mode: 'target' as const, name, task: spec, args: [...prefix, ...encoded.values] },
    revivable: encoded.revivable,
  });
  return Promise.resolve(build(resolveTaskTarget(target, 'target')));
}

// ── subclasses ─────────────────────────────────────────────────────────────────────

const classModules = new WeakMap<object, string>();
const exportNames = new WeakMap<object, Promise<string>>();

/**
 * Registers a `Process` subclass so a child can import it and call its `run()`: one line
 * after the class (or `static { registerProcessClass(import.meta.url, this); }` inside it).
 * The class must be exported from that module.
 *
 * @param moduleUrl - always `import.meta.url`.
 * @param processClass - the subclass.
 * @throws TypeError when `moduleUrl` is not a URL or absolute path, or the class not a function.
 * @example
 * export class Counter extends Process { override run() { console.log(this.start); } }
 * registerProcessClass(import.meta.url, Counter);
 */
export function registerProcessClass(
  moduleUrl: string | URL,
  processClass: abstract new (...args: never[]) => unknown,
): void {
  const url = normalizeModuleUrl(moduleUrl);
  if (typeof processClass !== 'function') {
    throw new TypeError(
      `Expected the \`processClass\` argument to be a class, got \`${String(processClass)}\` (${typeof processClass}).`,
    );
  }
  classModules.set(processClass, url);
}

/** Tells whether a subclass was registered with {@link registerProcessClass}. */
export function getProcessClassModule(processClass: object): string | undefined {
  return classModules.get(processClass);
}

/**
 * Finds the export name of a registered subclass by scanning its module's exports, once.
 * @throws Error when the module does not export the class.
 */
export function resolveProcessClassExport(
  processClass: object,
  moduleUrl: string,
): Promise<string | { digest: string }> {
  // The main script may still be evaluating (a top-level await): importing it would wait
  // on itself, so its classes are named by a digest of their source instead.
  if (isMainModule(moduleUrl)) {
    return Promise.resolve({ digest: digestSource(processClass.toString()) });
  }
  let promise = exportNames.get(processClass);
  if (promise === undefined) {
    promise = import(moduleUrl).then((namespace: Record<string, unknown>) => {
      for (const [name, value] of Object.entries(namespace)) {
        if (value === processClass) return name;
      }
      const className = (processClass as { name?: string }).name || 'MyProcess';
      throw new Error(
        `Process subclass \`${className}\` is not exported from ${moduleUrl}, so the child cannot find it. ` +
          `Export it: \`export class ${className} extends Process { … }\`.`,
      );
    });
    exportNames.set(processClass, promise);
  }
  return promise;
}
