// The worker-side loop, shared by threads and processes: imports task modules, runs tasks,
// replies (a lone result at once, the replies of one tick coalesced when several tasks are
// in flight), and survives anything a task does.
import { serializeError, type SerializedThrown } from '../errors/codec.js';
import { getWorkerIdentity, setWorkerIdentity } from '../identity/identity.js';
import {
  isWorkerRequest,
  type ErrorResponse,
  type InitRequest,
  type ResultResponse,
  type RunChunkRequest,
  type RunManyRequest,
  type RunRequest,
  type WorkerRequest,
  type WorkerResponse,
} from '../protocol/messages.js';
import { decodeRevivables } from '../protocol/revivable.js';
import type { Transport } from '../protocol/transport.js';
import { getLoadedTask, loadTask } from '../task/load-task.js';
import type { AnyFunction } from '../task/task-reference.js';
import { enterTask, type RunningTask } from './task-context.js';

/** Options of {@link serve}. */
export interface ServeOptions {
  /**
   * Called once every running task has settled after a `stop` request.
   * @default closes the transport
   */
  readonly onStop?: () => void;
  /**
   * Called for a message of unknown shape, which is never acted on.
   * @default logs it to stderr
   */
  readonly onInvalidMessage?: (message: unknown) => void;
}

type Settled = ResultResponse | ErrorResponse;

/**
 * Serves task requests arriving on `transport` until a `stop` request. Entry files of
 * worker threads and child processes are a few lines that create a transport and call this.
 *
 * @example
 * serve(createMessagePortTransport(parentPort!));
 */
export function serve(
  transport: Transport<WorkerResponse, WorkerRequest>,
  options: ServeOptions = {},
): void {
  const running = new Map<number, RunningTask>();
  // Requests sent ahead (`queued`): each starts once nothing runs and every result is sent,
  // so a crash in one never loses the result of the one before it.
  const waiting: (RunRequest | RunChunkRequest)[] = [];
  let outbox: Settled[] = [];
  let flushScheduled = false;
  let stopping = false;

  const finishIfStopping = () => {
    if (stopping && running.size === 0 && waiting.length === 0 && outbox.length === 0) {
      (options.onStop ?? (() => transport.close()))();
    }
  };

  const flush = () => {
    flushScheduled = false;
    const responses = outbox;
    outbox = [];
    if (responses.length === 1) sendSettled(responses[0]!);
    else if (responses.length > 1) {
      try {
        transport.send({ type: 'results', responses });
      } catch {
        // One of the values cannot be serialized: send them one by one so only that task fails.
        for (const response of responses) sendSettled(response);
      }
    }
    if (running.size === 0 && waiting.length > 0) run(waiting.shift()!);
    finishIfStopping();
  };

  const sendSettled = (response: Settled) => {
    try {
      transport.send(response);
    } catch (error) {
      transport.send({
        type: 'error',
        id: response.id,
        error: serializeError(unserializableResult(error)),
      });
    }
  };

  const settle = (response: Settled) => {
    running.delete(response.id);
    if (!flushScheduled && running.size === 0 && waiting.length === 0) {
      // The only result there is: send it now. A microtask hop here cost ~0.8 µs of a
      // 19 µs round trip (Node's tick processing after the message event).
      sendSettled(response);
      finishIfStopping();
      return;
    }
    outbox.push(response);
    if (!flushScheduled) {
      flushScheduled = true;
      queueMicrotask(flush);
    }
  };

  const isBusy = () => running.size > 0 || waiting.length > 0 || outbox.length > 0;

  const accept = (request: RunRequest | RunChunkRequest) => {
    if (request.queued === true && isBusy()) waiting.push(request);
    else run(request);
  };

  const succeed = (id: number, value: unknown) => settle({ type: 'result', id, value });
  const fail = (id: number, error: unknown) =>
    settle({ type: 'error', id, error: withoutLoopFrames(serializeError(error)) });

  const invoke = (state: RunningTask, fn: AnyFunction, args: readonly unknown[]): unknown => {
    const previous = enterTask(state);
    try {
      return fn(...args);
    } finally {
      enterTask(previous);
    }
  };

  const runWith = (request: RunRequest | RunChunkRequest, fn: AnyFunction) => {
    const state = running.get(request.id)!;
    if (request.type === 'run') {
      let value: unknown;
      try {
        value = invoke(state, fn, request.args);
      } catch (error) {
        fail(request.id, error);
        return;
      }
      if (isThenable(value)) {
        value.then(
          (resolved) => succeed(request.id, resolved),
          (error: unknown) => fail(request.id, error),
        );
      } else succeed(request.id, value);
      return;
    }
    void runChunk(state, fn, request).then(
      (values) => succeed(request.id, values),
      (error: unknown) => fail(request.id, error),
    );
  };

  const runChunk = async (state: RunningTask, fn: AnyFunction, request: RunChunkRequest) => {
    const values: unknown[] = [];
    for (const args of request.argsList) {
      const value = invoke(state, fn, args);
      values.push(isThenable(value) ? await value : value);
    }
    return values;
  };

  const run = (request: RunRequest | RunChunkRequest) => {
    running.set(request.id, { id: request.id, controller: undefined, aborted: false });
    if (request.revive === true) {
      reviveRequest(request).then(start, (error: unknown) => fail(request.id, error));
      return;
    }
    start(request);
  };

  const start = (request: RunRequest | RunChunkRequest) => {
    const fn = getLoadedTask(request.task);
    if (fn !== undefined) {
      runWith(request, fn);
      return;
    }
    loadTask(request.task).then(
      (loaded) => runWith(request, loaded),
      (error: unknown) => fail(request.id, error),
    );
  };

  const init = async (request: InitRequest) => {
    setWorkerIdentity({ threadName: request.threadName, processName: request.processName });
    if (request.initializer !== undefined) {
      try {
        const fn = await loadTask(request.initializer);
        const initargs =
          request.reviveInitargs === true
            ? await decodeRevivables(request.initargs ?? [])
            : (request.initargs ?? []);
        await fn(...initargs);
      } catch (error) {
        transport.send({ type: 'init-failed', error: serializeError(error) });
        return;
      }
    }
    transport.send({ type: 'ready', identity: getWorkerIdentity() });
  };

  transport.onMessage((message) => {
    if (!isWorkerRequest(message)) {
      (options.onInvalidMessage ?? logInvalidMessage)(message);
      return;
    }
    switch (message.type) {
      case 'run':
      case 'chunk':
        accept(message);
        break;
      case 'batch':
        for (const request of message.requests) accept(request);
        break;
      case 'runs':
        for (let i = 0; i < message.ids.length; i++) accept(expandRun(message, i));
        break;
      case 'abort': {
        const index = waiting.findIndex((request) => request.id === message.id);
        if (index >= 0) {
          waiting.splice(index, 1);
          fail(message.id, new Error('the task was aborted'));
          break;
        }
        const state = running.get(message.id);
        if (state !== undefined) {
          state.aborted = true;
          state.controller?.abort(new Error('the task was aborted'));
        }
        break;
      }
      case 'init':
        void init(message);
        break;
      case 'stop':
        stopping = true;
        finishIfStopping();
        break;
    }
  });
}

/** This file's URL: its frames are the loop's, not the task's, and are cut from remote stacks. */
const LOOP_FILE = import.meta.url;

function withoutLoopFrames(data: SerializedThrown): SerializedThrown {
  if (data.$concur !== 'error') return data;
  const stack = data.stack
    ?.split('\n')
    .filter((line) => !line.includes(LOOP_FILE))
    .join('\n');
  return {
    ...data,
    stack,
    ...(data.cause === undefined ? {} : { cause: withoutLoopFrames(data.cause) }),
    ...(data.errors === undefined ? {} : { errors: data.errors.map(withoutLoopFrames) }),
  };
}

/** Request `index` of a columnar `runs` message. */
function expandRun(message: RunManyRequest, index: number): RunRequest {
  const { task, queued } = message;
  const args = message.argsList[index]!;
  const id = message.ids[index]!;
  return queued === true
    ? { type: 'run', id, task, args, queued }
    : { type: 'run', id, task, args };
}

/** Rebuilds revivable arguments (sync primitives, queues) of a request. */
async function reviveRequest(
  request: RunRequest | RunChunkRequest,
): Promise<RunRequest | RunChunkRequest> {
  if (request.type === 'run') return { ...request, args: await decodeRevivables(request.args) };
  const argsList = (await decodeRevivables(request.argsList)) as unknown[][];
  return { ...request, argsList };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as PromiseLike<unknown>).then === 'function'
  );
}

function unserializableResult(cause: unknown): TypeError {
  const detail = (cause instanceof Error ? cause.message : String(cause)).replace(/\.$/, '');
  return new TypeError(
    `The task's result cannot be sent back: ${detail}. Return structured-cloneable data ` +
      '(no functions, symbols, class instances with methods you rely on, or sockets).',
    { cause },
  );
}

function logInvalidMessage(message: unknown): void {
  let shown: string;
  try {
    shown = JSON.stringify(message)?.slice(0, 200) ?? String(message);
  } catch {
    shown = Object.prototype.toString.call(message);
  }
  process.stderr.write(`concur: ignored a message of unknown shape: ${shown}\n`);
}
