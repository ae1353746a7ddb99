// Main side: `Process`, Python's multiprocessing.Process over one child process. The child
// imports the target's module (spawn semantics) and runs it; exit codes follow Python.
import { constants } from 'node:os';
import {
  InvalidStateError,
  validateArray,
  validateBoolean,
  validateOptionsObject,
  validateDuration,
  validateString,
  type TaskReference,
  type WorkerExit,
} from '@concur/core';
import { RUN_PROCESS_TASK } from './child-entry-path.js';
import { currentProcess } from './identity/process-identity.js';
import { createProcessWorkerHandle, type ProcessWorkerHandle } from './process-handle.js';
import {
  resolveProcessWorkerHandleOptions,
  type ResolvedProcessWorkerHandleOptions,
} from './process-handle-options.js';
import { resolveTargetPayload, type ProcessPayload } from './process-payload.js';
import { resolveRunPayload } from './process-subclass.js';
import { activeProcesses, REBUILD } from './process-registry.js';
import {
  checkTarget,
  defaultName,
  PROCESS_OPTION_KEYS,
  type ProcessOptions,
} from './process-options.js';

/** A Process's lifecycle. */
export type ProcessState = 'initial' | 'started' | 'stopped' | 'closed';

/**
 * A child process running one task (Python's `multiprocessing.Process`). Pass a `target`
 * task, or subclass and override `run()` (register the subclass with `registerProcessClass`).
 *
 * @example
 * const p = new Process({ target: worker, args: [1, 100] });
 * p.start();
 * await p.join();
 * p.exitCode; // 0
 */
export class Process<T extends TaskReference = TaskReference> {
  #state: ProcessState = 'initial';
  #name: string;
  #daemon: boolean;
  #target: T | undefined;
  #args: readonly unknown[];
  #options: Omit<ResolvedProcessWorkerHandleOptions, 'name'> | undefined;
  #handle: ProcessWorkerHandle | undefined;
  #exit: WorkerExit | undefined;
  #failed = false;
  #joiners: (() => void)[] = [];

  /**
   * @throws TypeError for a bad option (named), or a `target` that is not a task.
   */
  constructor(options?: ProcessOptions<T>) {
    if ((options as unknown) === REBUILD) {
      // A subclass instance rebuilt inside its child: it describes the current process.
      this.#state = 'started';
      this.#name = currentProcess().name;
      this.#daemon = false;
      this.#args = [];
      return;
    }
    const known = validateOptionsObject('Process', options, PROCESS_OPTION_KEYS);
    const { name, ...rest } = resolveProcessWorkerHandleOptions('Process', {
      // `null` is a wrong name, not a missing one: it must fail validation, not become the default.
      name: known.name === undefined ? defaultName() : known.name,
      execArgv: known.execArgv,
      env: known.env,
      cwd: known.cwd,
    });
    this.#name = name;
    this.#options = rest;
    this.#daemon = known.daemon === undefined ? false : validateBoolean('daemon', known.daemon);
    if (known.target !== undefined) this.#target = checkTarget(known.target);
    this.#args = known.args === undefined ? [] : [...validateArray('args', known.args)];
  }

  /** The process's name; settable before `start()`. */
  get name(): string {
    return this.#name;
  }
  set name(value: string) {
    this.#name = validateString('name', value, 'option', { nonEmpty: true });
  }

  /** Whether the child is a daemon; settable before `start()`. @default false */
  get daemon(): boolean {
    return this.#daemon;
  }
  set daemon(value: boolean) {
    this.#assertState('initial', 'set `daemon` of');
    this.#daemon = validateBoolean('daemon', value);
  }

  /** The lifecycle state. */
  get state(): ProcessState {
    return this.#state;
  }

  /** The child's pid: `null` before `start()`; inside the child, its own pid. */
  get pid(): number | null {
    this.#assertNotClosed();
    if (this.#options === undefined) return process.pid;
    return this.#handle?.pid ?? null;
  }

  /** Alias of {@link pid} (Python's `ident`). */
  get ident(): number | null {
    return this.pid;
  }

  /**
   * The exit code: `null` while running or before `start()`, the exit status after, or
   * minus the signal number when a signal ended it (`-9` after `kill()`), as in Python.
   */
  get exitCode(): number | null {
    this.#assertNotClosed();
    const exit = this.#exit;
    if (exit === undefined) return null;
    if (exit.signal !== null) return -(constants.signals[exit.signal] ?? 0);
    if (this.#failed && exit.exitCode === 0) return 1;
    return exit.exitCode;
  }

  /**
   * The work of the process. By default it calls `target(...args)` here; override it in a
   * subclass: the child rebuilds the instance from its fields and calls it.
   */
  run(): unknown {
    if (this.#target === undefined) return undefined;
    if (typeof this.#target !== 'function') {
      throw new TypeError(
        'run() can call the target here only when it is a task from defineTask().',
      );
    }
    return (this.#target as unknown as (...args: unknown[]) => unknown)(...this.#args);
  }

  /**
   * Starts the child. Arguments (or a subclass's fields) are checked here.
   * @throws InvalidStateError when started twice or closed.
   * @throws TypeError naming an argument or field that cannot be serialized.
   */
  start(): void {
    this.#assertState('initial', 'start');
    const options = this.#options!;
    const payload = this.#createPayload();
    const handle = createProcessWorkerHandle({ name: this.#name, ...options });
    this.#handle = handle;
    handle.setListener({
      onMessage: (message) => {
        if (message.type === 'error') {
          this.#failed = true;
          process.stderr.write(
            `Process ${this.#name}: the child could not run: ${JSON.stringify(message.error)}\n`,
          );
        }
        if (message.type === 'result' || message.type === 'error' || message.type === 'results') {
          void handle.stop();
        }
      },
      onExit: (exit) => this.#onExit(exit),
    });
    handle.start({ type: 'init', processName: this.#name });
    if (this.#daemon) handle.setReferenced(false);
    this.#state = 'started';
    activeProcesses.add(this);
    void payload.then(
      ({ value, revivable }) =>
        handle.send({
          type: 'run',
          id: 1,
          task: RUN_PROCESS_TASK,
          args: [value],
          ...(revivable ? { revive: true } : {}),
        }),
      (error: unknown) => {
        // Like Python's child, report the failure on stderr and end with exit code 1.
        this.#failed = true;
        process.stderr.write(
          `Process ${this.#name}:\n${error instanceof Error ? error.stack : String(error)}\n`,
        );
        void handle.stop();
      },
    );
  }

  #createPayload(): Promise<{ value: ProcessPayload; revivable: boolean }> {
    if (this.run !== Process.prototype.run) return resolveRunPayload(this, this.#name);
    return resolveTargetPayload(this.#target, this.#args, this.#name);
  }

  #onExit(exit: WorkerExit): void {
    this.#exit = exit;
    this.#state = 'stopped';
    activeProcesses.delete(this);
    for (const resolve of this.#joiners.splice(0)) resolve();
  }

  /**
   * Waits until the child exits, or until `timeoutMs` passes (then it simply returns;
   * check `exitCode` or `isAlive()`).
   * @param timeoutMs - the longest wait in milliseconds. @default Infinity
   * @throws InvalidStateError (rejects) when the process was never started or is closed.
   */
  async join(timeoutMs: number = Infinity): Promise<void> {
    validateDuration('timeoutMs', timeoutMs, 'argument');
    this.#assertNotClosed();
    if (this.#state === 'initial')
      throw new InvalidStateError('can only join a started process: call start() first.');
    if (this.#state !== 'started') return;
    // A daemon child does not hold the event loop, but someone waiting for it must.
    if (this.#daemon) this.#handle?.setReferenced(true);
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            this.#joiners = this.#joiners.filter((joiner) => joiner !== done);
            resolve();
          }, timeoutMs)
        : undefined;
      this.#joiners.push(done);
    });
    if (this.#daemon && this.#joiners.length === 0) this.#handle?.setReferenced(false);
  }

  /** Whether the child has started and not exited yet. @throws InvalidStateError when closed. */
  isAlive(): boolean {
    this.#assertNotClosed();
    return this.#state === 'started';
  }

  /** Sends SIGTERM to the child (Python's `terminate()`). @throws InvalidStateError before start. */
  terminate(): void {
    this.#signal('SIGTERM');
  }

  /** Sends SIGKILL to the child (Python's `kill()`): `exitCode` becomes `-9`. @throws InvalidStateError before start. */
  kill(): void {
    this.#signal('SIGKILL');
  }

  #signal(signal: NodeJS.Signals): void {
    this.#assertNotClosed();
    if (this.#handle === undefined)
      throw new InvalidStateError(`cannot signal process \`${this.#name}\`: it was never started.`);
    this.#handle.signal(signal);
  }

  /**
   * Releases the process object; most members throw afterwards.
   * @throws InvalidStateError when the child is still running (join or terminate it first).
   */
  close(): void {
    if (this.#state === 'started') {
      throw new InvalidStateError(
        `Cannot close process \`${this.#name}\` while it is still running: call join() or terminate() first.`,
      );
    }
    this.#state = 'closed';
  }

  #assertNotClosed(): void {
    if (this.#state === 'closed')
      throw new InvalidStateError(`process \`${this.#name}\` is closed.`);
  }

  #assertState(expected: ProcessState, action: string): void {
    this.#assertNotClosed();
    if (this.#options === undefined)
      throw new InvalidStateError(`cannot ${action} a process from inside its own child.`);
    if (this.#state !== expected)
      throw new InvalidStateError(
        `cannot ${action} process \`${this.#name}\` twice (it is ${this.#state}).`,
      );
  }

  /** `Process Process-1` with its state, like Python's repr. */
  toString(): string {
    return `<Process name='${this.#name}' state=${this.#state}${this.#exit ? ` exitCode=${this.exitCode}` : ''}>`;
  }
}
