// One unit of pool work: a task over one argument list (`apply`) or a chunk of them (`map`,
// `starmap`, `imap`), settled once with the value (an array for chunks) or the error.
import type { TaskSpec } from '@concur/core';

/** How a job settles. */
export type JobOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown };

/** A job waiting for, or running on, a pool worker. */
export interface PoolJob {
  /** `run`: one call with `argsList[0]`; `chunk`: one call per entry, result is the array. */
  readonly type: 'run' | 'chunk';
  readonly task: TaskSpec;
  /** The task's own name, for messages (the spec may name a child-side wrapper). */
  readonly taskName: string;
  /** How many leading arguments of each list were added for the wrapper, not by the caller. */
  readonly prefixLength: number;
  /** The argument lists, revivables already encoded. */
  readonly argsList: readonly (readonly unknown[])[];
  /** Whether `argsList` holds revivable marks. */
  readonly revive: boolean;
  /** Names the argument list at `index` in errors, e.g. ``item 3 of the iterable``. */
  describe(index: number): string;
  /** Called once with the outcome. */
  settle(outcome: JobOutcome): void;
}

/** One Pool call turned into chunks, before its task is resolved. */
export interface Submission {
  readonly type: 'run' | 'chunk';
  readonly chunks: readonly { readonly start: number; readonly argsList: unknown[][] }[];
  describe(index: number): string;
  onChunk(start: number, outcome: JobOutcome): void;
}
