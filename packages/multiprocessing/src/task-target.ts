// Main side: how a task is named to a child. Normally by module URL and export name; but a
// task defined in the script Node is running cannot be looked up that way while that script
// is still evaluating (a top-level `await` on a pool or process would wait on itself), so such
// a task is named by a digest of its source and found by the child among the module's exports.
import { createHash } from 'node:crypto';
import {
  getResolvedTaskSpec,
  getTaskLocation,
  resolveTaskSpec,
  type TaskReference,
  type TaskSpec,
} from '@concur/core';
import { CALL_LOCATED_TASK } from './child-entry-path.js';
import { isMainModule } from './identity/main-module.js';

/** Names a task of the main script: its module and a digest of its function's source. */
export interface TaskLocator {
  readonly moduleUrl: string;
  readonly digest: string;
  readonly displayName: string;
}

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
 * Resolves how to name `task` to a child: synchronously when possible.
 * @throws TypeError when `task` is not a task reference.
 */
export function resolveTaskTarget(
  task: TaskReference,
  name = 'task',
): TaskTarget | Promise<TaskTarget> {
  const location = getTaskLocation(task, name);
  const known = getResolvedTaskSpec(task);
  if (known !== undefined) return { spec: known, prefix: [], taskName: known.exportName };
  if (location.fn !== undefined && isMainModule(location.moduleUrl)) {
    const locator: TaskLocator = {
      moduleUrl: location.moduleUrl,
      digest: digestSource(location.fn.toString()),
      displayName: location.displayName,
    };
    return { spec: CALL_LOCATED_TASK, prefix: [locator], taskName: location.displayName };
  }
  return resolveTaskSpec(task).then((spec) => ({ spec, prefix: [], taskName: spec.exportName }));
}
