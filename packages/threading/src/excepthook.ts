// Python's `threading.excepthook`: where an exception that escapes a thread's run() or
// target goes, so it is never lost. The default prints the thread's name and remote stack.
import { validateFunction } from '@concur/core';
import type { Thread } from './thread.js';

/** What the hook receives (Python's `ExceptHookArgs`). */
export interface ExcepthookArgs {
  /** The thrown value's constructor, when it has one (Python's `exc_type`). */
  readonly excType: (abstract new (...args: never[]) => unknown) | undefined;
  /** The thrown value; errors keep their class, message and the thread's stack. */
  readonly excValue: unknown;
  /** The thread it escaped from. */
  readonly thread: Thread;
}

/** A function that handles an exception escaping a thread. */
export type Excepthook = (args: ExcepthookArgs) => void;

/**
 * The default hook: prints `Exception in thread <name>:` and the stack to stderr, like
 * Python's `threading.__excepthook__`.
 * @example
 * setExcepthook(defaultExcepthook); // restore the default
 */
export const defaultExcepthook: Excepthook = ({ excValue, thread }) => {
  process.stderr.write(`Exception in thread ${thread.name}:\n${describeThrown(excValue)}\n`);
};

let current: Excepthook = defaultExcepthook;

/**
 * Replaces the hook that receives exceptions escaping threads (Python's
 * `threading.excepthook = fn`). The exception also stays readable as `thread.exception`.
 *
 * @param hook - the new hook; pass {@link defaultExcepthook} to restore the default.
 * @throws TypeError when `hook` is not a function.
 * @example
 * setExcepthook(({ excValue, thread }) => log.error({ thread: thread.name, excValue }));
 */
export function setExcepthook(hook: Excepthook): void {
  current = validateFunction<Excepthook>('hook', hook, 'argument');
}

/**
 * Returns the hook now in effect.
 * @default defaultExcepthook
 * @example
 * const previous = getExcepthook();
 */
export function getExcepthook(): Excepthook {
  return current;
}

/** Calls the hook; if the hook itself throws, both are printed, so nothing is lost. */
export function callExcepthook(args: ExcepthookArgs): void {
  try {
    current(args);
  } catch (hookError) {
    defaultExcepthook(args);
    process.stderr.write(`Exception in threading excepthook:\n${describeThrown(hookError)}\n`);
  }
}

function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.stack ?? `${thrown.name}: ${thrown.message}`;
  return `Uncaught value: ${String(thrown)}`;
}
