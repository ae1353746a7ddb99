// Bench: a MODEL (not a measurement) of throughput on N machines, built from the overheads
// measured on this one, and the task duration where distributing starts to pay.

/** What the model is built from, all measured on this machine. */
export interface ModelInputs {
  /** Cores per machine (the workers per host in the model). */
  readonly cores: number;
  /** Worker-side cost of one task through Redis, in ms of a worker's time. */
  readonly distributedOverheadMs: number;
  /** The same for ProcessPoolExecutor on one machine. */
  readonly poolOverheadMs: number;
  /** Tasks per second one client and Redis dispatched here (a floor: they shared the cores). */
  readonly dispatchPerSecond: number;
}

/** One row of the projection. */
export interface Projection {
  readonly machines: number;
  readonly taskMs: number;
  /** Modelled tasks per second of DistributedExecutor over `machines` machines. */
  readonly distributedPerSecond: number;
  /** Modelled tasks per second of ProcessPoolExecutor on one machine. */
  readonly poolPerSecond: number;
  /** distributed / pool. */
  readonly speedup: number;
  /** Whether the client/Redis dispatch rate, not the workers, is the limit. */
  readonly dispatchBound: boolean;
}

/**
 * Throughput on `machines` machines of `cores` workers each: every worker spends
 * `taskMs + overhead` per task, capped by how fast one client and Redis dispatch tasks.
 * @example
 * project(inputs, 4, 10).speedup; // ≈ 3.8 when overheads are small next to 10 ms
 */
export function project(inputs: ModelInputs, machines: number, taskMs: number): Projection {
  const workerBound = (machines * inputs.cores * 1_000) / (taskMs + inputs.distributedOverheadMs);
  const distributedPerSecond = Math.min(workerBound, inputs.dispatchPerSecond);
  const poolPerSecond = (inputs.cores * 1_000) / (taskMs + inputs.poolOverheadMs);
  return {
    machines,
    taskMs,
    distributedPerSecond,
    poolPerSecond,
    speedup: distributedPerSecond / poolPerSecond,
    dispatchBound: inputs.dispatchPerSecond < workerBound,
  };
}

/**
 * The shortest task, in ms, for which `machines` machines through Redis beat one machine's
 * process pool: N(d + o_pool) > d + o_dist, so d > (o_dist − N·o_pool) / (N − 1); also no
 * faster than the dispatch rate allows. `Infinity` when dispatch caps it below the pool.
 */
export function getBreakEvenMs(inputs: ModelInputs, machines: number): number {
  if (machines <= 1) return Infinity;
  const overheadBound = Math.max(
    0,
    (inputs.distributedOverheadMs - machines * inputs.poolOverheadMs) / (machines - 1),
  );
  // Dispatch cap: pool throughput C·1000/(d + o_pool) must fall below dispatchPerSecond.
  const dispatchBound = (inputs.cores * 1_000) / inputs.dispatchPerSecond - inputs.poolOverheadMs;
  return Math.max(overheadBound, dispatchBound, 0);
}
