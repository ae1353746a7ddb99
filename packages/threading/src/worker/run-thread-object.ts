// Inside a worker thread: imports a Thread subclass, rebuilds the instance from its cloned
// fields without running the constructor (like unpickling), and calls its run().
import { threadId } from 'node:worker_threads';
import { defineTask, getWorkerIdentity } from '@concur/core';
import type { ThreadClassSpec } from '../thread-class-registry.js';
import {
  createThreadInternals,
  runningInThisThread,
  setThreadInternals,
} from '../thread-internals.js';
import type { Thread } from '../thread.js';

/**
 * Runs a Thread subclass's `run()` in this worker thread. Sent by `Thread.start()`.
 * @throws TypeError when the module does not export the class under the registered name.
 */
export const runThreadObject = defineTask(
  import.meta.url,
  async function runThreadObject(
    classSpec: ThreadClassSpec,
    fields: Record<string, unknown>,
    daemon: boolean,
  ): Promise<void> {
    const module = (await import(classSpec.moduleUrl)) as Record<string, unknown>;
    const threadClass = module[classSpec.exportName] as { prototype?: Thread } | undefined;
    if (typeof threadClass?.prototype?.run !== 'function') {
      throw new TypeError(
        `Cannot run the thread: ${classSpec.moduleUrl} has no Thread subclass exported as \`${classSpec.exportName}\`. ` +
          'Export the class under its own name, or pass the name: `Thread.register(import.meta.url, this, "ExportName")`.',
      );
    }
    const thread = Object.assign(Object.create(threadClass!.prototype!) as Thread, fields);
    const { threadName } = getWorkerIdentity();
    setThreadInternals(
      thread,
      createThreadInternals('rebuilt', { name: threadName, daemon, ident: threadId }),
    );
    runningInThisThread.thread = thread;
    await thread.run();
  },
);
