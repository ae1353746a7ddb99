// Main side: the worker handle for one child process (started with execa, IPC with the V8
// serializer), implementing core's WorkerHandle so pools never ask what backs a worker.
import {
  ExitLatch,
  getWorkerIdentity,
  isWorkerResponse,
  validateBoolean,
  validateDuration,
  type InitRequest,
  type StopOptions,
  type WorkerExit,
  type WorkerHandle,
  type WorkerHandleListener,
  type WorkerHandleState,
  type WorkerRequest,
} from '@concur/core';
import {
  resolveProcessWorkerHandleOptions,
  type ProcessWorkerHandleOptions,
} from './process-handle-options.js';
import { spawnChild, type Subprocess } from './spawn-child.js';
import {
  IGNORE_INTERRUPT_VARIABLE,
  PARENT_NAME_VARIABLE,
  PARENT_PID_VARIABLE,
  PROCESS_NAME_VARIABLE,
} from './process-environment.js';
import { FORCE_KILL_AFTER_MS, GRACEFUL_STOP_TIMEOUT_MS } from './termination.js';

/** Options of {@link createProcessWorkerHandle}. */
export interface CreateProcessWorkerHandleOptions extends ProcessWorkerHandleOptions {
  /**
   * Whether the child ignores SIGINT: for pool workers, whose parent decides when they end
   * (Ctrl-C signals the whole process group, and the parent's pools shut down gracefully).
   * @default false
   */
  readonly ignoreInterrupt?: boolean;
}

/** A process worker handle: core's WorkerHandle plus what only a process has. */
export interface ProcessWorkerHandle extends WorkerHandle {
  /** The child's pid, once started. */
  readonly pid: number | undefined;
  /** Sends a signal to the child now (no-op once it has exited). */
  signal(signal: NodeJS.Signals): void;
}

/**
 * Creates the handle of one child process. Nothing starts until `start(init)`.
 *
 * The child's stdout and stderr are inherited: it writes straight to the parent's file
 * descriptors, so its output is never buffered in the parent and never lost at exit,
 * and it interleaves with the parent's output as Python's children do. stdin is ignored.
 *
 * @throws TypeError for a bad option.
 * @example
 * const handle = createProcessWorkerHandle({ name: 'Pool-1' });
 * handle.setListener({ onMessage: console.log, onExit: console.log });
 * handle.start({ type: 'init', processName: 'Pool-1' });
 */
export function createProcessWorkerHandle(
  options: CreateProcessWorkerHandleOptions,
): ProcessWorkerHandle {
  const resolved = resolveProcessWorkerHandleOptions('createProcessWorkerHandle', options, [
    'ignoreInterrupt',
  ]);
  // Own property only: an option inherited from a polluted prototype is never read.
  const given = Object.hasOwn(options, 'ignoreInterrupt') ? options.ignoreInterrupt : undefined;
  const ignoreInterrupt = given === undefined ? false : validateBoolean('ignoreInterrupt', given);
  const env = ignoreInterrupt
    ? { ...resolved.env, [IGNORE_INTERRUPT_VARIABLE]: '1' }
    : resolved.env;
  return new ChildProcessHandle(resolved.name, resolved.execArgv, env, resolved.cwd);
}

class ChildProcessHandle implements ProcessWorkerHandle {
  readonly kind = 'process' as const;
  #state: WorkerHandleState = 'created';
  #listener: WorkerHandleListener | undefined;
  #child: Subprocess | undefined;
  readonly #exited = new ExitLatch();
  #referenced = true;

  constructor(
    readonly name: string,
    private readonly execArgv: readonly string[],
    private readonly env: Readonly<Record<string, string>>,
    private readonly cwd: string | undefined,
  ) {}

  get state(): WorkerHandleState {
    return this.#state;
  }

  /** The child's pid, once started. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  setListener(listener: WorkerHandleListener): void {
    this.#listener = listener;
  }

  start(init: InitRequest): void {
    if (this.#state !== 'created') {
      throw new Error(`Worker \`${this.name}\` was started already (it is ${this.#state}).`);
    }
    this.#state = 'starting';
    const parent = getWorkerIdentity();
    const child = spawnChild(
      this.execArgv,
      {
        ...this.env,
        [PROCESS_NAME_VARIABLE]: this.name,
        [PARENT_NAME_VARIABLE]: parent.processName,
        [PARENT_PID_VARIABLE]: String(process.pid),
      },
      this.cwd,
    );
    this.#child = child;
    this.#watch(child);
    this.send(init);
    if (!this.#referenced) this.setReferenced(false);
  }

  #watch(child: Subprocess): void {
    let exited: WorkerExit | undefined;
    let disconnected = false;
    // The exit is reported once the process has exited AND its IPC channel is drained, so
    // no reply the child sent just before exiting is lost.
    const finish = () => {
      if (exited !== undefined && disconnected) this.#finish(exited);
    };
    child.on('message', (message: unknown) => {
      if (isWorkerResponse(message)) {
        if (message.type === 'ready' && this.#state === 'starting') this.#state = 'running';
        this.#listener?.onMessage(message);
      } else {
        process.stderr.write(
          `concur: ignored a message of unknown shape from \`${this.name}\`: ${describeMessage(message)}\n`,
        );
      }
    });
    child.once('disconnect', () => {
      disconnected = true;
      finish();
    });
    child.once('exit', (exitCode, signal) => {
      exited = { exitCode, signal };
      if (!child.connected) disconnected = true;
      finish();
    });
    child.on('error', (error) => {
      this.#listener?.onError?.(error);
      if (child.pid === undefined) this.#finish({ exitCode: 1, signal: null }); // spawn failed
    });
    // execa's promise settles with the result (reject: false); nothing else waits on it.
    void child.then(
      () => undefined,
      () => undefined,
    );
  }

  #finish(exit: WorkerExit): void {
    // Waiters resume in a later microtask, after the listener has heard of the exit.
    if (!this.#exited.settle(exit)) return;
    this.#state = 'stopped';
    this.#listener?.onExit(exit);
  }

  send(message: WorkerRequest): void {
    const child = this.#child;
    if (child === undefined) {
      throw new Error(`Worker \`${this.name}\` is not started; call start() first.`);
    }
    if (!child.connected) return; // it is exiting; the exit will be reported
    try {
      // With the advanced (V8) serialization, send() serializes synchronously, before
      // anything is written: an unserializable value throws here and the channel stays usable.
      child.send(message, (error) => {
        // EPIPE / channel closed: the child is gone and its exit will be reported.
        if (error !== null && error !== undefined && this.#exited.exit === undefined) {
          this.#listener?.onError?.(error);
        }
      });
    } catch (cause) {
      throw new TypeError(
        `Cannot send a \`${message.type}\` message to \`${this.name}\`: ${(cause as Error).message}. ` +
          'Arguments must be V8-serializable (no functions, symbols, or class instances with methods you rely on).',
        { cause },
      );
    }
  }

  async stop(options: StopOptions = {}): Promise<WorkerExit> {
    const forceAfterMs =
      options.forceAfterMs === undefined
        ? GRACEFUL_STOP_TIMEOUT_MS
        : validateDuration('forceAfterMs', options.forceAfterMs);
    const exit = this.#exited.exit;
    if (exit !== undefined) return exit;
    if (this.#child === undefined) {
      this.#state = 'stopped';
      this.#exited.settle({ exitCode: 0, signal: null });
      return this.#exited.exit!;
    }
    this.#state = 'stopping';
    this.send({ type: 'stop' });
    const graceful = await this.#exited.waitFor(forceAfterMs);
    if (graceful !== undefined) return graceful;
    this.#child.kill('SIGTERM');
    const terminated = await this.#exited.waitFor(FORCE_KILL_AFTER_MS);
    if (terminated !== undefined) return terminated;
    return this.kill();
  }

  kill(): Promise<WorkerExit> {
    if (this.#child === undefined) {
      this.#state = 'stopped';
      this.#exited.settle({ exitCode: null, signal: 'SIGKILL' });
    } else if (this.#exited.exit === undefined) {
      this.#state = 'stopping';
      this.#child.kill('SIGKILL');
    }
    return this.#exited.wait();
  }

  signal(signal: NodeJS.Signals): void {
    if (this.#child === undefined || this.#exited.exit !== undefined) return;
    this.#child.kill(signal);
  }

  setReferenced(referenced: boolean): void {
    this.#referenced = referenced;
    const child = this.#child;
    if (child === undefined || this.#exited.exit !== undefined) return;
    // Both the process handle and its IPC pipe hold the event loop; an idle pool releases both.
    if (referenced) {
      child.ref();
      child.channel?.ref();
    } else {
      child.unref();
      child.channel?.unref();
    }
  }
}

function describeMessage(message: unknown): string {
  try {
    return JSON.stringify(message)?.slice(0, 200) ?? String(message);
  } catch {
    return Object.prototype.toString.call(message);
  }
}
