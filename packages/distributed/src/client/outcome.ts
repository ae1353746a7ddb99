// Main side: turns what BullMQ reports about a finished job (a concur outcome, or a failure
// reason such as a stall limit) into the value or error its future settles with.
import { deserializeError, WorkerCrashedError, type SerializedThrown } from '@concur/core';
import { decodeValue, readOutcome } from '../protocol/job-data.js';

/** What a future settles with. */
export type Settlement =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown };

/** BullMQ's failure reason for a job whose workers kept dying (see moveStalledJobsToWait). */
const STALLED_REASON = 'stalled more than allowable limit';

/** Reads a completed job's return value. */
export function settleFromReturnValue(returnValue: unknown, taskName: string): Settlement {
  const outcome = readOutcome(returnValue);
  if (outcome === undefined) {
    return {
      ok: false,
      error: new Error(
        `Task \`${taskName}\` finished without a concur outcome; is a non-concur worker consuming this queue?`,
      ),
    };
  }
  try {
    if (outcome.ok) return { ok: true, value: decodeValue(outcome.value) };
    const error = decodeValue(outcome.error) as SerializedThrown;
    return { ok: false, error: deserializeError(error, `concur worker "${outcome.worker}"`) };
  } catch (error) {
    return {
      ok: false,
      error: new Error(
        `The outcome of task \`${taskName}\` cannot be decoded: ${(error as Error).message}`,
        { cause: error },
      ),
    };
  }
}

/** Reads a failed job's reason: a stall limit becomes WorkerCrashedError. */
export function settleFromFailure(
  failedReason: string,
  taskName: string,
  workerName: string | undefined,
  maxStalledHint: string,
): Settlement {
  if (failedReason.includes(STALLED_REASON)) {
    const worker =
      workerName === undefined ? 'its workers' : `worker \`${workerName}\` (the last to run it)`;
    return {
      ok: false,
      error: new WorkerCrashedError(
        { exitCode: null, signal: null, taskName, workerName },
        `task \`${taskName}\` failed: ${worker} stopped renewing its lock, ${maxStalledHint} (BullMQ: ${failedReason})`,
      ),
    };
  }
  return {
    ok: false,
    error: new Error(`Task \`${taskName}\` failed in the queue: ${failedReason}`),
  };
}
