// A worker handle whose real one comes from a module loaded on first use. ProcessPoolExecutor
// uses it so that importing @concur/executors does not load @concur/multiprocessing and execa
// (about 80 ms of a 115 ms import here): a program that only uses threads never pays for
// child processes, and one that does pays when its first process starts.
import {
  ExitLatch,
  InvalidStateError,
  type InitRequest,
  type StopOptions,
  type Transferable,
  type WorkerExit,
  type WorkerHandle,
  type WorkerHandleListener,
  type WorkerHandleState,
  type WorkerRequest,
} from '@concur/core';

/** Makes the real handle, once its module is loaded. */
export type HandleFactory = (name: string) => WorkerHandle;

/** The exit reported when the module could not be loaded: the worker never started. */
const FAILED_TO_LOAD: WorkerExit = { exitCode: 1, signal: null };
/** The exit reported when the worker was stopped before its module had loaded. */
const STOPPED_BEFORE_START: WorkerExit = { exitCode: 0, signal: null };

/** What {@link deferHandles} returns. */
export interface DeferredHandles {
  /** Makes a handle: the real one once loaded, before that a stand-in. */
  readonly create: (name: string) => WorkerHandle;
  /** Starts loading now (a pool about to need workers); never rejects. */
  readonly preload: () => void;
}

/**
 * Makes worker handles with the factory `load` resolves to: the real handle directly once it
 * has loaded, before that a stand-in that starts the real one when the module arrives. The
 * first `create` or `preload` starts loading; a failed load is retried by the next pool.
 * @example
 * const handles = deferHandles('process', async () => {
 *   const { createProcessWorkerHandle } = await import('@concur/multiprocessing');
 *   return (name) => createProcessWorkerHandle({ name });
 * });
 * const handle = handles.create('ProcessPoolExecutor-0_0');
 */
export function deferHandles(
  kind: WorkerHandle['kind'],
  load: () => Promise<HandleFactory>,
): DeferredHandles {
  let loading: Promise<HandleFactory> | undefined;
  let loaded: HandleFactory | undefined;
  const getFactory = () => {
    loading ??= load().then(
      (factory) => (loaded = factory),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return {
    create: (name) => loaded?.(name) ?? createStandIn(name, kind, getFactory()),
    preload: () => void getFactory().catch(() => undefined),
  };
}

/** The stand-in: holds what the pool asks of the handle until the real one exists. */
function createStandIn(
  name: string,
  kind: WorkerHandle['kind'],
  factory: Promise<HandleFactory>,
): WorkerHandle {
  let real: WorkerHandle | undefined;
  let state: WorkerHandleState = 'created';
  let listener: WorkerHandleListener | undefined;
  let referenced = true;
  const exited = new ExitLatch();

  const finish = (result: WorkerExit) => {
    if (!exited.settle(result)) return;
    state = 'stopped';
    listener?.onExit(result);
  };
  // Before start, or while loading: nothing runs yet, so stopping is immediate.
  const stopEarly = (): Promise<WorkerExit> => {
    if (exited.exit === undefined) {
      state = 'stopping';
      // Reported asynchronously, as a real worker's exit is.
      queueMicrotask(() => finish(STOPPED_BEFORE_START));
    }
    return exited.wait();
  };

  return {
    name,
    kind,
    get state() {
      return real?.state ?? state;
    },
    setListener(next) {
      listener = next;
      real?.setListener(next);
    },
    start(init: InitRequest) {
      if (state !== 'created') {
        throw new InvalidStateError(
          `Cannot start worker \`${name}\`: it is ${state}; a worker starts once.`,
        );
      }
      state = 'starting';
      factory.then(
        (make) => {
          if (state !== 'starting') return; // stopped while loading
          let handle: WorkerHandle;
          try {
            handle = make(name);
          } catch (error) {
            listener?.onError?.(error as Error);
            finish(FAILED_TO_LOAD);
            return;
          }
          real = handle;
          if (listener !== undefined) handle.setListener(listener);
          handle.setReferenced(referenced);
          handle.start(init);
        },
        (error: unknown) => {
          listener?.onError?.(error instanceof Error ? error : new Error(String(error)));
          finish(FAILED_TO_LOAD);
        },
      );
    },
    send(message: WorkerRequest, transfer?: readonly Transferable[]) {
      if (real === undefined) {
        throw new InvalidStateError(
          `Cannot send \`${message.type}\` to worker \`${name}\`: it is ${state}.`,
        );
      }
      real.send(message, transfer);
    },
    stop(options?: StopOptions) {
      return real === undefined ? stopEarly() : real.stop(options);
    },
    kill() {
      return real === undefined ? stopEarly() : real.kill();
    },
    setReferenced(next: boolean) {
      referenced = next;
      real?.setReferenced(next);
    },
  };
}
