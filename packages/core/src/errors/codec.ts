// The error codec: turns anything a task throws into plain cloneable data and back,
// keeping class, message, stack (marked remote), cause chain, code and own properties.
import {
  BrokenExecutorError,
  CancelledError,
  ConcurError,
  InvalidStateError,
  TimeoutError,
  WorkerCrashedError,
} from './errors.js';

/** An Error turned into cloneable data by {@link serializeError}. */
export interface SerializedError {
  readonly $concur: 'error';
  /** Constructor names from the error's own class up to `Error`, nearest first. */
  readonly classChain: readonly string[];
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  readonly cause?: SerializedThrown;
  readonly errors?: readonly SerializedThrown[];
  /** Own enumerable properties other than the ones above, `code` included. */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A thrown value that is not an Error, kept as it was. */
export interface SerializedValue {
  readonly $concur: 'value';
  readonly value: unknown;
}

/** Anything a task can throw, in cloneable form. */
export type SerializedThrown = SerializedError | SerializedValue;

type ErrorClass = abstract new (...args: any[]) => Error;

const BUILT_IN_CLASSES: readonly ErrorClass[] = [
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
  AggregateError,
  ConcurError,
  CancelledError,
  TimeoutError,
  InvalidStateError,
  BrokenExecutorError,
  WorkerCrashedError,
];

const registry = new Map<string, ErrorClass>(BUILT_IN_CLASSES.map((klass) => [klass.name, klass]));

/** How deep a `cause` chain is followed before the rest is cut. */
const MAX_CAUSE_DEPTH = 32;

/** The marker line appended to a remote stack, so readers see where the boundary was. */
export const REMOTE_STACK_MARKER = '    at <remote boundary>';

/**
 * Registers an error class so errors of that class keep it when they cross to this side.
 * Call it on the receiving side (usually the main thread) before the error arrives.
 * Built-in errors and concur's own are registered already.
 *
 * @param errorClass - the class; its `name` identifies it on the wire.
 * @param name - the name to register under. @default errorClass.name
 * @throws TypeError when `errorClass` is not a constructor of errors.
 * @example
 * class QuotaError extends Error {}
 * registerErrorClass(QuotaError);
 */
export function registerErrorClass(errorClass: ErrorClass, name: string = errorClass.name): void {
  if (
    typeof errorClass !== 'function' ||
    !(errorClass.prototype instanceof Error || errorClass === Error)
  ) {
    throw new TypeError(
      `Expected the \`errorClass\` argument to be a subclass of Error, got \`${String(errorClass)}\` (${typeof errorClass}).`,
    );
  }
  registry.set(name, errorClass);
}

/**
 * Turns a thrown value into cloneable data. Never throws: properties that cannot be cloned
 * are replaced by their string form.
 *
 * @example
 * const wire = serializeError(new RangeError('too big'));
 */
export function serializeError(thrown: unknown, depth = 0): SerializedThrown {
  if (!(thrown instanceof Error)) {
    return { $concur: 'value', value: cloneOrDescribe(thrown) };
  }
  const properties: Record<string, unknown> = {};
  for (const key of Object.keys(thrown)) {
    if (key === 'cause' || key === 'errors' || key === 'message' || key === 'stack') continue;
    properties[key] = cloneOrDescribe((thrown as unknown as Record<string, unknown>)[key]);
  }
  // `code` is often a class field or getter rather than an own enumerable property.
  const code = (thrown as { code?: unknown }).code;
  if (code !== undefined && !('code' in properties)) properties['code'] = cloneOrDescribe(code);
  const hasCause = Object.hasOwn(thrown, 'cause') && depth < MAX_CAUSE_DEPTH;
  return {
    $concur: 'error',
    classChain: getClassChain(thrown),
    name: String(thrown.name),
    message: String(thrown.message),
    stack: typeof thrown.stack === 'string' ? thrown.stack : undefined,
    ...(hasCause ? { cause: serializeError(thrown.cause, depth + 1) } : {}),
    ...(thrown instanceof AggregateError && Array.isArray(thrown.errors)
      ? { errors: thrown.errors.map((inner: unknown) => serializeError(inner, depth + 1)) }
      : {}),
    properties,
  };
}

/**
 * Turns data made by {@link serializeError} back into an error of the same class (when the
 * class is registered here; otherwise of its nearest registered ancestor, with the original
 * `name`). The stack keeps the remote frames and is marked as remote.
 *
 * @param origin - where the error came from, shown in the stack, e.g. `thread "Thread-1"`.
 * @example
 * const error = deserializeError(wire, 'thread "Thread-1"');
 */
export function deserializeError(
  data: SerializedThrown,
  origin = 'another thread or process',
): unknown {
  if (data.$concur === 'value') return data.value;
  const klass =
    data.classChain.map((name) => registry.get(name)).find((k) => k !== undefined) ?? Error;
  const error = Object.create(klass.prototype) as Error;
  defineHidden(error, 'message', data.message);
  if (error.name !== data.name) defineHidden(error, 'name', data.name);
  const stack = data.stack === undefined ? `${data.name}: ${data.message}` : data.stack;
  defineHidden(error, 'stack', `${stack}\n${REMOTE_STACK_MARKER} (${origin})`);
  if (data.cause !== undefined) defineHidden(error, 'cause', deserializeError(data.cause, origin));
  if (data.errors !== undefined) {
    defineHidden(
      error,
      'errors',
      data.errors.map((inner) => deserializeError(inner, origin)),
    );
  }
  for (const [key, value] of Object.entries(data.properties)) {
    Object.defineProperty(error, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return error;
}

/** Tells whether a value is data made by {@link serializeError}. */
export function isSerializedThrown(value: unknown): value is SerializedThrown {
  return (
    typeof value === 'object' &&
    value !== null &&
    ((value as SerializedThrown).$concur === 'error' ||
      (value as SerializedThrown).$concur === 'value')
  );
}

function defineHidden(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: false,
    writable: true,
    configurable: true,
  });
}

function getClassChain(error: Error): string[] {
  const chain: string[] = [];
  for (
    let proto = Object.getPrototypeOf(error);
    proto !== null;
    proto = Object.getPrototypeOf(proto)
  ) {
    const name = (proto.constructor as { name?: unknown } | undefined)?.name;
    if (typeof name === 'string' && name !== '' && name !== 'Object') chain.push(name);
    if (proto === Error.prototype) break;
  }
  return chain;
}

function cloneOrDescribe(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return `[unserializable ${typeof value === 'function' ? 'function' : typeof value}: ${safeString(value)}]`;
  }
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
