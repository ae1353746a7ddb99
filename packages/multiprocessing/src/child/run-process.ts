// Child side: the task a `Process` child runs: calls the target, or rebuilds the subclass
// instance and calls `run()`; an exception is printed like Python's and the exit code is 1.
import { inspect } from 'node:util';
import { defineTask, loadTask } from '@concur/core';
import { currentProcess } from '../identity/process-identity.js';
import type { ProcessPayload } from '../process-payload.js';
import { digestSource } from '../task-target.js';
import { REBUILD } from '../process-registry.js';
import { Process } from '../process.js';

/**
 * Runs what a `Process` asked for. Never rejects: failures go to this child's stderr as
 * `Process <name>:` and the stack, and set the exit code to 1, as Python's children do.
 */
export const runProcess = defineTask(
  import.meta.url,
  async function runProcess(payload: ProcessPayload): Promise<void> {
    try {
      if (payload.mode === 'target') {
        const fn = await loadTask(payload.task);
        await fn(...payload.args);
        return;
      }
      const processClass = await findProcessClass(payload.moduleUrl, payload.exportName);
      // Construct as Process with the subclass's prototype: Process's own state is set up,
      // the subclass constructor is not run again, then the cloned fields are restored.
      const instance = Reflect.construct(Process, [REBUILD], processClass) as Process;
      Object.assign(instance, payload.fields);
      await instance.run();
    } catch (error) {
      process.stderr.write(`Process ${currentProcess().name}:\n${inspect(error)}\n`);
      process.exitCode = 1;
    }
  },
);

async function findProcessClass(
  moduleUrl: string,
  exportName: string | { readonly digest: string },
): Promise<new (...args: never[]) => Process> {
  const namespace = (await import(moduleUrl)) as Record<string, unknown>;
  if (typeof exportName === 'string') return namespace[exportName] as new () => Process;
  const match = Object.values(namespace).find(
    (value) => typeof value === 'function' && digestSource(value.toString()) === exportName.digest,
  );
  if (match === undefined) {
    throw new Error(
      `The Process subclass is not exported from ${moduleUrl}, so the child cannot find it.`,
    );
  }
  return match as new () => Process;
}
