// The wire protocol between the main side and a worker (thread or process), written once:
// branded discriminated unions both sides import, plus a validator for what arrives.
import type { SerializedThrown } from '../errors/codec.js';
import type { TaskSpec } from '../task/task-reference.js';

declare const PROTOCOL: unique symbol;
/** Marks a type as a concur wire message, so an arbitrary object is not mistaken for one. */
type Branded<T> = T & { readonly [PROTOCOL]?: 'concur/1' };

/** Who a worker is, as reported to tasks through `currentThread()` / `currentProcess()`. */
export interface WorkerIdentity {
  /** The thread's name inside this worker (`MainThread` in a child process). */
  readonly threadName: string;
  /** The thread's id (`worker_threads.threadId`). */
  readonly threadId: number;
  /** The process's name (`MainProcess` in a worker thread of the main process). */
  readonly processName: string;
  /** The process id. */
  readonly pid: number;
}

// ── main → worker ──────────────────────────────────────────────────────────────────

/** First message: who the worker is, and an optional initializer to run once. */
export type InitRequest = Branded<{
  readonly type: 'init';
  readonly threadName?: string;
  readonly processName?: string;
  readonly initializer?: TaskSpec;
  readonly initargs?: readonly unknown[];
  /** Set when `initargs` hold revivable marks (see `encodeRevivables`). */
  readonly reviveInitargs?: true;
}>;

/** Run one task. `id` is unique per worker connection. */
export type RunRequest = Branded<{
  readonly type: 'run';
  readonly id: number;
  readonly task: TaskSpec;
  readonly args: readonly unknown[];
  /** Set when `args` hold revivable marks (see `encodeRevivables`). */
  readonly revive?: true;
  /**
   * Set when a pool sent this ahead while the worker is busy (pipelining): `serve` starts it
   * only once every running task has settled, so a worker still runs one task at a time.
   */
  readonly queued?: true;
}>;

/** Run a task over many argument lists; the result is the array of results, in order. */
export type RunChunkRequest = Branded<{
  readonly type: 'chunk';
  readonly id: number;
  readonly task: TaskSpec;
  readonly argsList: readonly (readonly unknown[])[];
  /** Set when `argsList` holds revivable marks (see `encodeRevivables`). */
  readonly revive?: true;
  /** As {@link RunRequest}'s `queued`: start only once every running task has settled. */
  readonly queued?: true;
}>;

/** Several requests coalesced into one message (the submits of one tick). */
export type BatchRequest = Branded<{
  readonly type: 'batch';
  readonly requests: readonly (RunRequest | RunChunkRequest)[];
}>;

/**
 * Many `run` requests of one task, in columns: request `i` is `{ type: 'run', id: ids[i],
 * task, args: argsList[i], queued }`. Far cheaper to send than as many request objects.
 */
export type RunManyRequest = Branded<{
  readonly type: 'runs';
  readonly task: TaskSpec;
  readonly ids: readonly number[];
  readonly argsList: readonly (readonly unknown[])[];
  /** As {@link RunRequest}'s `queued`, for every request. */
  readonly queued?: true;
}>;

/** Abort the running task `id`: its `taskSignal()` fires. */
export type AbortRequest = Branded<{ readonly type: 'abort'; readonly id: number }>;

/** Finish what is running, then exit. */
export type StopRequest = Branded<{ readonly type: 'stop' }>;

/** Anything the main side sends to a worker. */
export type WorkerRequest =
  | InitRequest
  | RunRequest
  | RunChunkRequest
  | BatchRequest
  | RunManyRequest
  | AbortRequest
  | StopRequest;

// ── worker → main ──────────────────────────────────────────────────────────────────

/** The worker is initialized and ready for tasks. */
export type ReadyResponse = Branded<{ readonly type: 'ready'; readonly identity: WorkerIdentity }>;

/** The initializer threw; the worker will exit. */
export type InitFailedResponse = Branded<{
  readonly type: 'init-failed';
  readonly error: SerializedThrown;
}>;

/** Task `id` returned `value`. */
export type ResultResponse = Branded<{
  readonly type: 'result';
  readonly id: number;
  readonly value: unknown;
}>;

/** Task `id` threw `error`. */
export type ErrorResponse = Branded<{
  readonly type: 'error';
  readonly id: number;
  readonly error: SerializedThrown;
}>;

/** Several results coalesced into one message. */
export type BatchResponse = Branded<{
  readonly type: 'results';
  readonly responses: readonly (ResultResponse | ErrorResponse)[];
}>;

/** Anything a worker sends to the main side. */
export type WorkerResponse =
  | ReadyResponse
  | InitFailedResponse
  | ResultResponse
  | ErrorResponse
  | BatchResponse;

// ── validation ─────────────────────────────────────────────────────────────────────

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);

const isTaskSpec = (value: unknown): value is TaskSpec =>
  isObject(value) &&
  typeof value['moduleUrl'] === 'string' &&
  typeof value['exportName'] === 'string' &&
  (value['ordinal'] === undefined || isId(value['ordinal']));

/**
 * How deeply `cause` / `errors` may nest in an error payload: above the codec's own depth
 * limit, and low enough that a forged, absurdly deep payload cannot overflow the stack.
 */
const MAX_ERROR_NESTING = 64;

/** Whether a value has the shape `serializeError` gives; the codec trusts nothing less. */
function isSerializedThrownData(value: unknown, depth = 0): boolean {
  if (!isObject(value) || depth > MAX_ERROR_NESTING) return false;
  if (value['$concur'] === 'value') return 'value' in value;
  const { classChain, cause, errors } = value;
  return (
    value['$concur'] === 'error' &&
    Array.isArray(classChain) &&
    classChain.every((name) => typeof name === 'string') &&
    typeof value['name'] === 'string' &&
    typeof value['message'] === 'string' &&
    (value['stack'] === undefined || typeof value['stack'] === 'string') &&
    isObject(value['properties']) &&
    (cause === undefined || isSerializedThrownData(cause, depth + 1)) &&
    (errors === undefined ||
      (Array.isArray(errors) && errors.every((inner) => isSerializedThrownData(inner, depth + 1))))
  );
}

function isSettledResponse(value: unknown): value is ResultResponse | ErrorResponse {
  if (!isObject(value) || !isId(value['id'])) return false;
  if (value['type'] === 'result') return 'value' in value;
  return value['type'] === 'error' && isSerializedThrownData(value['error']);
}

function isRunLike(value: unknown): value is RunRequest | RunChunkRequest {
  if (!isObject(value) || !isId(value['id']) || !isTaskSpec(value['task'])) return false;
  if (value['type'] === 'run') return Array.isArray(value['args']);
  return value['type'] === 'chunk' && Array.isArray(value['argsList']);
}

function isRunMany(value: Record<string, unknown>): boolean {
  const { ids, argsList } = value;
  return (
    isTaskSpec(value['task']) &&
    Array.isArray(ids) &&
    Array.isArray(argsList) &&
    ids.length === argsList.length &&
    ids.every(isId) &&
    argsList.every((args) => Array.isArray(args))
  );
}

/**
 * Tells whether a value that arrived from a worker is a well-formed response. Messages of
 * unknown shape must be rejected and logged, never acted on.
 */
export function isWorkerResponse(value: unknown): value is WorkerResponse {
  if (!isObject(value)) return false;
  switch (value['type']) {
    case 'ready':
      return isObject(value['identity']);
    case 'init-failed':
      return isSerializedThrownData(value['error']);
    case 'result':
    case 'error':
      return isSettledResponse(value);
    case 'results':
      return Array.isArray(value['responses']) && value['responses'].every(isSettledResponse);
    default:
      return false;
  }
}

/** Tells whether a value that arrived from the main side is a well-formed request. */
export function isWorkerRequest(value: unknown): value is WorkerRequest {
  if (!isObject(value)) return false;
  switch (value['type']) {
    case 'init':
      return value['initializer'] === undefined || isTaskSpec(value['initializer']);
    case 'run':
    case 'chunk':
      return isRunLike(value);
    case 'batch':
      return Array.isArray(value['requests']) && value['requests'].every(isRunLike);
    case 'runs':
      return isRunMany(value);
    case 'abort':
      return isId(value['id']);
    case 'stop':
      return true;
    default:
      return false;
  }
}
