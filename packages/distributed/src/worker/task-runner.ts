// Worker side: runs tasks in this process through core's `serve` loop over an in-memory
// transport, so tasks get core's semantics (taskSignal(), error codec, identity) unchanged.
import {
  serve,
  serializeError,
  type SerializedThrown,
  type TaskSpec,
  type Transport,
  type WorkerRequest,
  type WorkerResponse,
} from '@concur/core';
import { runWithProgressSink, type ProgressSink } from './progress.js';

/** How one task ended. */
export type RunOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: SerializedThrown };

interface Pending {
  readonly resolve: (outcome: RunOutcome) => void;
}

/**
 * Runs tasks in this process, concurrently, each with its own abort signal.
 *
 * @example
 * const runner = new TaskRunner('host-1:4121');
 * const { id, outcome } = runner.run(spec, [2], sink);
 * runner.abort(id);
 */
export class TaskRunner {
  readonly #pending = new Map<number, Pending>();
  #deliver: ((message: WorkerRequest) => void) | undefined;
  #nextId = 1;

  constructor(processName: string) {
    const workerSide: Transport<WorkerResponse, WorkerRequest> = {
      send: (message) => this.#onResponse(message),
      onMessage: (handler) => {
        this.#deliver = handler;
      },
      close: () => undefined,
    };
    serve(workerSide, { onStop: () => undefined });
    this.#deliver!({ type: 'init', processName } as WorkerRequest);
  }

  /** How many tasks are running. */
  get running(): number {
    return this.#pending.size;
  }

  /** Starts a task; its progress reports go to `sink`. */
  run(
    task: TaskSpec,
    args: unknown[],
    sink: ProgressSink,
  ): { id: number; outcome: Promise<RunOutcome> } {
    const id = this.#nextId++;
    const outcome = new Promise<RunOutcome>((resolve) => this.#pending.set(id, { resolve }));
    runWithProgressSink(sink, () =>
      this.#deliver!({ type: 'run', id, task, args } as WorkerRequest),
    );
    return { id, outcome };
  }

  /** Fires the task's `taskSignal()`; the task decides how to stop. */
  abort(id: number): void {
    if (this.#pending.has(id)) this.#deliver!({ type: 'abort', id } as WorkerRequest);
  }

  #onResponse(message: WorkerResponse): void {
    switch (message.type) {
      case 'result':
        this.#settle(message.id, { ok: true, value: message.value });
        break;
      case 'error':
        this.#settle(message.id, { ok: false, error: message.error });
        break;
      case 'results':
        for (const response of message.responses) this.#onResponse(response);
        break;
      case 'init-failed':
        // No initializer is ever sent, so this cannot happen; report it loudly if it does.
        process.emitWarning(
          `concur worker init failed: ${JSON.stringify(serializeError(message.error))}`,
        );
        break;
      default:
        break;
    }
  }

  #settle(id: number, outcome: RunOutcome): void {
    const pending = this.#pending.get(id);
    if (pending === undefined) return;
    this.#pending.delete(id);
    pending.resolve(outcome);
  }
}
