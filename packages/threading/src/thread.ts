// Main side: Python's `threading.Thread` over a worker thread, with a target task or a
// subclass whose run() executes inside the worker.
import { isMainThread } from 'node:worker_threads';
import {
  getTaskLocation,
  InvalidStateError,
  validateBoolean,
  validateDuration,
  validateOptionsObject,
  validateArray,
  validateString,
  type TaskArguments,
  type TaskReference,
} from '@concur/core';
import { registerThreadClass } from './thread-class-registry.js';
import {
  createDefaultThreadName,
  createThreadInternals,
  getThreadInternals,
  runningInThisThread,
  setThreadInternals,
} from './thread-internals.js';
import { launchThread, setThreadReferenced } from './thread-launch.js';

/** Options of the {@link Thread} constructor (Python's `Thread(target=, args=, name=, daemon=)`). */
export interface ThreadOptions<T extends TaskReference = TaskReference> {
  /**
   * The task to run in the thread: made by `defineTask` (and exported) or `taskFrom`.
   * @default none: the thread runs `run()`, which subclasses override
   */
  readonly target?: T;
  /**
   * The target's arguments; structured-cloneable, or sync primitives (also nested).
   * @default []
   */
  readonly args?: TaskArguments<T>;
  /**
   * The thread's name.
   * @default `Thread-N`, or `Thread-N (target)` with a target (Python 3.10+)
   */
  readonly name?: string;
  /**
   * A daemon thread never keeps the process alive; others do until they end.
   * @default false
   */
  readonly daemon?: boolean;
}

const OPTION_KEYS = ['target', 'args', 'name', 'daemon'] as const;
const JOIN_FOREVER_MS = Infinity;

/**
 * A thread of control running in its own worker thread (a V8 isolate: real parallelism,
 * no shared heap). Give it a `target` task, or subclass it and override {@link Thread.run}.
 *
 * @example
 * const t = new Thread({ target: printNumbers, args: [1000] });
 * t.start();
 * await t.join();
 * @example
 * export class MyThread extends Thread {
 *   static { Thread.register(import.meta.url, this); }
 *   constructor(name: string) { super({ name }); }
 *   override async run() { console.log(`${this.name} starting`); }
 * }
 */
export class Thread<T extends TaskReference = TaskReference> {
  /**
   * Registers an exported subclass so its `run()` can execute in a worker thread: the
   * worker imports the module and reads the export. One line in the class body.
   *
   * @param moduleUrl - `import.meta.url` of the module that exports the class.
   * @param threadClass - the class (`this` in a static block).
   * @param exportName - the export's name. @default the class's name
   * @throws TypeError for a bad URL, class or name.
   * @example
   * export class MyThread extends Thread { static { Thread.register(import.meta.url, this); } }
   */
  static register(
    moduleUrl: string | URL,
    threadClass: abstract new (...args: never[]) => Thread<any>,
    exportName?: string,
  ): void {
    registerThreadClass(moduleUrl, threadClass, exportName);
  }

  /**
   * @param options - see {@link ThreadOptions}.
   * @throws TypeError for an unknown option or a bad value (naming it).
   */
  constructor(options?: ThreadOptions<T>) {
    const raw = validateOptionsObject('Thread', options, OPTION_KEYS);
    const target = raw.target === undefined ? undefined : (raw.target as TaskReference);
    const targetName =
      target === undefined ? undefined : getTaskLocation(target, 'target').displayName;
    const name =
      raw.name === undefined
        ? createDefaultThreadName(targetName)
        : validateString('name', raw.name, 'option');
    setThreadInternals(
      this,
      createThreadInternals('own', {
        name,
        daemon: raw.daemon === undefined ? false : validateBoolean('daemon', raw.daemon),
        target,
        args: raw.args === undefined ? [] : [...validateArray('args', raw.args)],
      }),
    );
  }

  /**
   * The thread's name; only for identification, several threads may share one.
   * @default `Thread-N`, or `Thread-N (target)`
   * @example
   * t.name = 'downloader';
   */
  get name(): string {
    return getThreadInternals(this).name;
  }
  set name(value: string) {
    getThreadInternals(this).name = validateString('name', value, 'argument');
  }

  /**
   * Whether this is a daemon thread (never keeps the process alive). Set before `start()`.
   * @default false
   * @throws InvalidStateError when set after `start()`.
   * @example
   * t.daemon = true; t.start();
   */
  get daemon(): boolean {
    return getThreadInternals(this).daemon;
  }
  set daemon(value: boolean) {
    const state = getThreadInternals(this);
    if (state.state !== 'initial') {
      throw new InvalidStateError('cannot set daemon status of active thread');
    }
    state.daemon = validateBoolean('daemon', value, 'argument');
  }

  /**
   * The worker's `threadId` (Python's `ident`); `undefined` until started.
   * @example
   * t.start(); t.ident; // e.g. 3
   */
  get ident(): number | undefined {
    return getThreadInternals(this).ident;
  }

  /**
   * The exception that escaped `run()` or the target (a `WorkerCrashedError` when the
   * thread exited with a non-zero code), else `undefined`.
   * @default undefined
   * @example
   * await t.join(); if (t.exception !== undefined) console.error(t.exception);
   */
  get exception(): unknown {
    return getThreadInternals(this).failure?.value;
  }

  /**
   * Starts the thread: a worker thread is created and runs the target or `run()`.
   * @throws InvalidStateError "threads can only be started once".
   * @throws TypeError when a subclass is not registered or its fields/args cannot be cloned.
   * @example
   * const t = new Thread({ target: printNumbers, args: [10] });
   * t.start();
   */
  start(): void {
    const state = getThreadInternals(this);
    if (state.state !== 'initial') {
      throw new InvalidStateError('threads can only be started once');
    }
    launchThread(this, state);
  }

  /**
   * What the thread does. The default calls the target with the args. Subclasses override
   * it; the override runs inside the worker thread, on an instance rebuilt from the fields
   * the constructor set (structured clone; the constructor is not run again there).
   * @example
   * override async run() { console.log(`${this.name} starting`); }
   */
  run(): unknown {
    const { target, args } = getThreadInternals(this);
    if (target === undefined) return undefined;
    const location = getTaskLocation(target, 'target');
    if (location.fn !== undefined) return location.fn(...args);
    return import(location.moduleUrl).then((module: Record<string, unknown>) =>
      (module[location.exportName!] as (...values: unknown[]) => unknown)(...args),
    );
  }

  /**
   * Waits until the thread ends, or until `timeoutMs` passes; then `isAlive()` tells which.
   * Never rejects because of the thread's own exception (see {@link Thread.exception}).
   *
   * @param timeoutMs - the longest wait in milliseconds. @default Infinity
   * @throws InvalidStateError (as a rejection) before `start()` or for the current thread.
   * @example
   * await t.join(1500);
   * if (t.isAlive()) console.log('still running after 1.5 s');
   */
  async join(timeoutMs: number = JOIN_FOREVER_MS): Promise<void> {
    validateDuration('timeoutMs', timeoutMs, 'argument');
    const state = getThreadInternals(this);
    if (state.state === 'initial') {
      throw new InvalidStateError('cannot join thread before it is started');
    }
    if (state.origin === 'main' && !isMainThread) {
      throw new InvalidStateError(
        'cannot join the main thread from a worker thread: it ends only with the process',
      );
    }
    if (state.origin !== 'own' || runningInThisThread.thread === this) {
      throw new InvalidStateError('cannot join current thread');
    }
    if (state.state === 'stopped') return;
    state.joiners++;
    setThreadReferenced(state);
    let timer: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve) => {
        state.exitWaiters.push(resolve);
        // A join timeout keeps the process alive on purpose: the caller is waiting on it.
        if (Number.isFinite(timeoutMs)) timer = setTimeout(resolve, timeoutMs);
      });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      state.joiners--;
      setThreadReferenced(state);
    }
  }

  /**
   * Whether the thread has started and not yet ended.
   * @example
   * t.start(); t.isAlive(); // true
   */
  isAlive(): boolean {
    return getThreadInternals(this).state === 'started';
  }

  /** Python's repr: `<Thread(Thread-1, started daemon 3)>`. */
  toString(): string {
    const { name, state, daemon, ident } = getThreadInternals(this);
    const status = state === 'started' ? 'started' : state;
    const parts = [status, daemon ? 'daemon' : undefined, state === 'started' ? ident : undefined];
    return `<${this.constructor.name}(${name}, ${parts.filter((p) => p !== undefined).join(' ')})>`;
  }
}
