// Objects that cannot be structured-cloned as themselves (sync primitives over shared
// memory, multiprocessing queues) travel as marks and are rebuilt on the other side.
import { describeValue } from '../options/validate.js';

/** The method a revivable object implements to describe itself for the other side. */
export const REVIVE: unique symbol = Symbol.for('concur.revive') as never;

/** How a revivable object describes itself on the wire. */
export interface RevivableDescription {
  /** The reviver's registered name, e.g. `concur.Lock`. */
  readonly kind: string;
  /** The module that registers the reviver: imported on the other side if the kind is unknown there. */
  readonly moduleUrl: string;
  /** Cloneable state (a SharedArrayBuffer, a socket path, …). */
  readonly data: unknown;
  /** `thread`: shared memory, cannot cross to a process. `any`: works across processes too. */
  readonly scope: 'thread' | 'any';
}

/** An object that can be sent to a worker and rebuilt there. */
export interface Revivable {
  [REVIVE](): RevivableDescription;
}

interface RevivableMark {
  readonly $concurRevive: string;
  readonly moduleUrl: string;
  readonly data: unknown;
}

type Reviver = (data: unknown) => unknown;
const revivers = new Map<string, Reviver>();

/**
 * Registers how to rebuild objects of one kind. Call it at the top level of the module
 * named in the objects' descriptions, so importing that module registers it.
 *
 * @example
 * registerReviver('concur.Lock', (data) => Lock.fromShared(data as SharedArrayBuffer));
 */
export function registerReviver(kind: string, revive: Reviver): void {
  revivers.set(kind, revive);
}

/** Tells whether a value implements {@link REVIVE}. */
export function isRevivable(value: unknown): value is Revivable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Revivable)[REVIVE] === 'function'
  );
}

function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Replaces revivable objects in `values` (also nested in arrays and plain objects) by
 * marks that survive structured cloning. Values without revivables are returned as is.
 *
 * @param target - where the values go: a `process` cannot receive shared memory.
 * @returns the values to send and whether any mark was made (set `revive: true` then).
 * @throws TypeError when a thread-only object (shared memory) is sent to a process.
 * @example
 * const { values, revivable } = encodeRevivables([lock, 1], 'thread');
 */
export function encodeRevivables(
  values: readonly unknown[],
  target: 'thread' | 'process',
): { values: unknown[]; revivable: boolean } {
  let revivable = false;
  const seen = new Map<object, unknown>();
  const encode = (value: unknown, path: string): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (isRevivable(value)) {
      const description = value[REVIVE]();
      if (target === 'process' && description.scope === 'thread') {
        throw new TypeError(
          `Expected ${path} to be sendable to a child process, got ${describeValue(value)} ` +
            `(a ${description.kind.replace(/^concur\./, '')} over shared memory). Shared memory does not cross ` +
            'processes: use a worker thread, or a multiprocessing Queue or Pipe.',
        );
      }
      revivable = true;
      const mark: RevivableMark = {
        $concurRevive: description.kind,
        moduleUrl: description.moduleUrl,
        data: description.data,
      };
      return mark;
    }
    if (!isPlainContainer(value)) return value;
    if (seen.has(value)) return seen.get(value);
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      seen.set(value, copy);
      let changed = false;
      for (let i = 0; i < value.length; i++) {
        const item = encode(value[i], `${path}[${i}]`);
        copy.push(item);
        if (item !== value[i]) changed = true;
      }
      if (!changed) seen.set(value, value);
      return changed ? copy : value;
    }
    const copy: Record<string, unknown> = {};
    seen.set(value, copy);
    let changed = false;
    for (const key of Object.keys(value)) {
      const original = (value as Record<string, unknown>)[key];
      const item = encode(original, `${path}.${key}`);
      copy[key] = item;
      if (item !== original) changed = true;
    }
    if (!changed) seen.set(value, value);
    return changed ? copy : value;
  };
  const encoded = values.map((value, index) => encode(value, `argument ${index + 1}`));
  return { values: revivable ? encoded : (values as unknown[]), revivable };
}

function isMark(value: unknown): value is RevivableMark {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RevivableMark).$concurRevive === 'string'
  );
}

function collectMissingModules(value: unknown, missing: Set<string>, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (isMark(value)) {
    if (!revivers.has(value.$concurRevive)) missing.add(value.moduleUrl);
    return;
  }
  if (!isPlainContainer(value)) return;
  for (const item of Array.isArray(value) ? value : Object.values(value))
    collectMissingModules(item, missing, seen);
}

function reviveAll(values: readonly unknown[]): unknown[] {
  const seen = new Map<object, unknown>();
  const revive = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return seen.get(value);
    if (isMark(value)) {
      const reviver = revivers.get(value.$concurRevive);
      if (reviver === undefined) {
        throw new Error(
          `No reviver for \`${value.$concurRevive}\`: ${value.moduleUrl} did not register one.`,
        );
      }
      const revived = reviver(value.data);
      seen.set(value, revived);
      return revived;
    }
    if (!isPlainContainer(value)) return value;
    if (Array.isArray(value)) {
      seen.set(value, value);
      for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
      return value;
    }
    seen.set(value, value);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = revive(record[key]);
    return value;
  };
  return values.map(revive);
}

/**
 * Rebuilds the objects that {@link encodeRevivables} replaced by marks (in place: the
 * values are a fresh structured clone). Synchronous when every kind is registered here;
 * otherwise imports the registering modules first.
 *
 * @throws Error when a registering module does not register its kind.
 */
export function decodeRevivables(values: readonly unknown[]): unknown[] | Promise<unknown[]> {
  const missing = new Set<string>();
  collectMissingModules(values, missing, new Set());
  if (missing.size === 0) return reviveAll(values);
  return Promise.all([...missing].map((url) => import(url))).then(() => reviveAll(values));
}
