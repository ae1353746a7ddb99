// The `init` message a pool sends each new worker: its name (thread or process name, so
// `currentThread().name` / `currentProcess().name` show it) and the optional initializer.
import {
  encodeRevivables,
  getResolvedTaskSpec,
  getTaskLocation,
  resolveTaskSpec,
  type InitRequest,
  type WorkerHandle,
  type TaskSpec,
} from '@concur/core';

/** A pool's initializer, resolved to its wire form once. */
export interface PoolInitializer {
  /** The wire form, once known. */
  spec: TaskSpec | undefined;
  /** Settles when `spec` is known (rejects when the task cannot be found). */
  readonly ready: Promise<void>;
  /** The initargs, revivables encoded. */
  readonly initargs: readonly unknown[];
  readonly reviveInitargs: boolean;
}

/**
 * Prepares an initializer: encodes its arguments for `kind` now (so a bad argument fails
 * the constructor) and starts resolving its task spec.
 * @throws TypeError when `initializer` is not a task or an initarg cannot go to `kind`.
 */
export function createPoolInitializer(
  initializer: unknown,
  initargs: readonly unknown[],
  kind: 'thread' | 'process',
): PoolInitializer {
  getTaskLocation(initializer, 'initializer'); // names the option in the error, not `task`
  const spec = getResolvedTaskSpec(initializer);
  const { values, revivable } = encodeRevivables(initargs, kind);
  const result: PoolInitializer = {
    spec,
    ready:
      spec !== undefined
        ? Promise.resolve()
        : resolveTaskSpec(initializer).then((resolved) => {
            result.spec = resolved;
          }),
    initargs: values,
    reviveInitargs: revivable,
  };
  // The pool attaches its own handler when a worker starts; until then a failure is kept.
  result.ready.catch(() => undefined);
  return result;
}

/** Builds the `init` request for the worker called `name`. */
export function createInitRequest(
  options: { readonly kind: 'thread' | 'process'; readonly initializer?: PoolInitializer },
  name: string,
): InitRequest {
  const names = options.kind === 'thread' ? { threadName: name } : { processName: name };
  const initializer = options.initializer;
  if (initializer === undefined) return { type: 'init', ...names };
  return {
    type: 'init',
    ...names,
    initializer: initializer.spec!,
    initargs: initializer.initargs,
    ...(initializer.reviveInitargs ? { reviveInitargs: true as const } : {}),
  };
}

/**
 * Starts a worker with its `init` request, once the initializer's spec is known.
 * @param fail - called (instead of throwing) when the worker cannot start.
 */
export function startWorkerHandle(
  handle: WorkerHandle,
  options: { readonly kind: 'thread' | 'process'; readonly initializer?: PoolInitializer },
  name: string,
  fail: (message: string, cause: unknown) => void,
): void {
  const start = () => {
    try {
      handle.start(createInitRequest(options, name));
    } catch (error) {
      fail(`could not start worker \`${name}\``, error);
    }
  };
  const initializer = options.initializer;
  if (initializer === undefined || initializer.spec !== undefined) start();
  else
    initializer.ready.then(start, (error: unknown) =>
      fail('the initializer cannot be found', error),
    );
}
