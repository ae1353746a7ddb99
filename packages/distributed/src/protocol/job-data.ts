// The wire format between clients and workers, stored in BullMQ jobs: task address and
// arguments going out, an outcome (value or serialized error) coming back. Values travel as
// V8 serialization in base64, so Maps, Dates, BigInts, typed arrays and cycles survive
// as they do between processes, and the JSON that BullMQ stores stays plain.
import { deserialize, serialize } from 'node:v8';
import type { SerializedThrown } from '@concur/core';
import { validateTaskAddress, type TaskAddress } from '../task/task-address.js';

/** The job name every concur job carries (BullMQ requires one). */
export const JOB_NAME = 'concur-task';

/** What a client puts in a job. */
export interface JobData {
  /** Format version, so an old worker refuses a newer job clearly. */
  readonly v: 1;
  readonly task: TaskAddress;
  /** The arguments, V8-serialized and base64-encoded (a list of argument lists when `chunk`). */
  readonly args: string;
  /** Set for a chunk of `map`: the task runs once per argument list, the result is the array. */
  readonly chunk?: true;
  /** How long the task may run once started, in milliseconds; absent means no limit. */
  readonly timeout?: number;
}

/** What a worker returns as the job's result: the task's outcome and who ran it. */
export type JobOutcome =
  | { readonly ok: true; readonly value: string; readonly worker: string }
  | { readonly ok: false; readonly error: string; readonly worker: string };

/** Encodes any structured-cloneable value for a job. @throws when it cannot be serialized. */
export function encodeValue(value: unknown): string {
  return serialize(value).toString('base64');
}

/** Decodes {@link encodeValue}'s output. */
export function decodeValue(text: string): unknown {
  return deserialize(Buffer.from(text, 'base64'));
}

/** Encodes a serialized error for an outcome. */
export function encodeError(error: SerializedThrown): string {
  return encodeValue(error);
}

/**
 * Checks a job's data as a worker reads it.
 * @throws TypeError naming what is wrong.
 */
export function validateJobData(data: unknown): JobData {
  const job = data as Partial<JobData> | null;
  if (typeof job !== 'object' || job === null) throw new TypeError('The job has no data.');
  if (job.v !== 1) {
    throw new TypeError(
      `The job's format version is ${String(job.v)}; this worker reads version 1.`,
    );
  }
  validateTaskAddress(job.task);
  if (typeof job.args !== 'string') throw new TypeError('The job carries no arguments.');
  if (job.timeout !== undefined && (typeof job.timeout !== 'number' || !(job.timeout >= 0))) {
    throw new TypeError("The job's `timeout` is not a non-negative number.");
  }
  return job as JobData;
}

/**
 * Reads an outcome from a `completed` event or a finished job (BullMQ may hand over the
 * JSON text or the parsed object).
 * @returns `undefined` when it is not a concur outcome.
 */
export function readOutcome(returnValue: unknown): JobOutcome | undefined {
  let value = returnValue;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  const outcome = value as Partial<JobOutcome> | null;
  if (typeof outcome !== 'object' || outcome === null || typeof outcome.worker !== 'string') {
    return undefined;
  }
  if (outcome.ok === true && typeof outcome.value === 'string') return outcome as JobOutcome;
  if (outcome.ok === false && typeof (outcome as { error?: unknown }).error === 'string') {
    return outcome as JobOutcome;
  }
  return undefined;
}
