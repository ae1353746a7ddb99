// Main side: how a task is named to a child (core's task spec), and the source digest that
// names a Process subclass of the main script, which cannot be imported while it evaluates.
import { createHash } from 'node:crypto';
import { getTaskLocation, getTaskSpec, type TaskReference, type TaskSpec } from '@concur/core';

/** What to send: the task spec to run and arguments to put before the call's own. */
export interface TaskTarget {
  readonly spec: TaskSpec;
  readonly prefix: readonly unknown[];
  /** The task's own name, for messages. */
  readonly taskName: string;
}

/** The digest both sides compute over a function's source text. */
export function digestSource(source: string): string {
  return createHash('sha256').update(source).digest('base64url');
}

/**
 * Names `task` to a child, synchronously: core's `getTaskSpec` never imports the task's
 * module here, so a task of a main script that is still in a top-level `await` works too.
 * @throws TypeError when `task` is not a task reference.
 */
export function resolveTaskTarget(task: TaskReference, name = 'task'): TaskTarget {
  const location = getTaskLocation(task, name);
  return {
    spec: getTaskSpec(task),
    prefix: [],
    taskName: location.exportName ?? location.displayName,
  };
}
