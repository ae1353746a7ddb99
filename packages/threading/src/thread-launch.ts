// Main side: starts a Thread's worker, sends it the target or the subclass's fields, and
// turns what comes back (result, exception, crash, exit) into the Thread's state.
import {
  deserializeError,
  encodeRevivables,
  getResolvedTaskSpec,
  getTaskLocation,
  resolveTaskSpec,
  taskFrom,
  WorkerCrashedError,
  type TaskSpec,
  type WorkerExit,
  type WorkerResponse,
} from '@concur/core';
import { callExcepthook } from './excepthook.js';
import { getThreadClassSpec } from './thread-class-registry.js';
import { createThreadWorkerHandle } from './thread-handle.js';
import { startedThreads, type ThreadInternals } from './thread-internals.js';
import { THREAD_DATA_KEY, type ThreadWorkerData } from './thread-worker-data.js';
import { Thread } from './thread.js';
import { getWorkerModuleUrl } from './worker-module-url.js';

/** The one request id a Thread's worker ever runs. */
const RUN_ID = 1;

/** The worker-side task that rebuilds a subclass instance and calls its run(). */
const runThreadObject = taskFrom(getWorkerModuleUrl('run-thread-object.js'), 'runThreadObject');

interface Work {
  /** The task spec, or a promise of it while a defineTask export name is being found. */
  readonly task: TaskSpec | Promise<TaskSpec> | undefined;
  readonly args: readonly unknown[];
}

/** A daemon thread is unreferenced, except while someone is joining it. */
export function setThreadReferenced(state: ThreadInternals): void {
  state.handle?.setReferenced(!state.daemon || state.joiners > 0);
}

/**
 * Starts `thread`'s worker. Synchronous failures (unregistered subclass, uncloneable
 * values) throw before any worker exists; later ones go to the excepthook.
 */
export function launchThread(thread: Thread<any>, state: ThreadInternals): void {
  const work = describeWork(thread, state);
  const { values, revivable } = encodeRevivables(work.args, 'thread');
  assertCloneable(values, thread);
  const handle = createThreadWorkerHandle({
    name: state.name,
    workerData: { [THREAD_DATA_KEY]: { daemon: state.daemon } satisfies ThreadWorkerData },
  });
  let finished = false;
  const fail = (thrown: unknown) => {
    if (state.failure !== undefined) return;
    state.failure = { value: thrown };
    callExcepthook({ excType: constructorOf(thrown), excValue: thrown, thread });
  };
  const settle = (response: WorkerResponse) => {
    if (response.type === 'results') return response.responses.forEach(settle);
    if (response.type === 'ready') return;
    finished = true;
    if (response.type === 'error' || response.type === 'init-failed') {
      fail(deserializeError(response.error, `thread "${state.name}"`));
    }
    void handle.stop();
  };
  const exited = (exit: WorkerExit) => {
    if (!finished && exit.exitCode !== 0) {
      const taskName = state.target && getTaskLocation(state.target).displayName;
      fail(new WorkerCrashedError({ ...exit, taskName, workerName: state.name }));
    }
    state.state = 'stopped';
    startedThreads.delete(thread);
    for (const resolve of state.exitWaiters.splice(0)) resolve();
  };
  handle.setListener({ onMessage: settle, onExit: exited, onError: fail });
  state.handle = handle;
  state.state = 'started';
  startedThreads.add(thread);
  handle.start({ type: 'init', threadName: state.name });
  state.ident = handle.threadId;
  setThreadReferenced(state);
  const send = (task: TaskSpec) => {
    if (handle.state === 'stopped' || handle.state === 'stopping') return;
    handle.send({
      type: 'run',
      id: RUN_ID,
      task,
      args: values,
      ...(revivable && { revive: true }),
    });
  };
  if (work.task === undefined) {
    finished = true;
    void handle.stop();
  } else if (work.task instanceof Promise) {
    work.task.then(send).catch((error: unknown) => {
      fail(error);
      void handle.kill();
    });
  } else send(work.task);
}

function describeWork(thread: Thread<any>, state: ThreadInternals): Work {
  if (thread.run !== Thread.prototype.run) {
    const classSpec = getThreadClassSpec(thread.constructor);
    const fields = Object.fromEntries(
      Object.keys(thread).map((key) => [key, thread[key as never]]),
    );
    return {
      task: getResolvedTaskSpec(runThreadObject),
      args: [classSpec, fields, state.daemon],
    };
  }
  if (state.target === undefined) return { task: undefined, args: [] };
  return {
    task: getResolvedTaskSpec(state.target) ?? resolveTaskSpec(state.target),
    args: state.args,
  };
}

function assertCloneable(values: readonly unknown[], thread: Thread<any>): void {
  try {
    structuredClone(values);
  } catch (cause) {
    const what =
      thread.run !== Thread.prototype.run ? `the fields of ${thread.constructor.name}` : 'its args';
    throw new TypeError(
      `Cannot start thread \`${thread.name}\`: ${what} cannot be sent to a worker thread (${(cause as Error).message}). ` +
        'Use structured-cloneable values (no functions or class instances with methods), SharedArrayBuffer, or sync primitives.',
      { cause },
    );
  }
}

function constructorOf(thrown: unknown) {
  return typeof thrown === 'object' && thrown !== null
    ? (thrown.constructor as abstract new (...args: never[]) => unknown)
    : undefined;
}
