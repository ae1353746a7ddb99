// `@concur/distributed/bench`: the bench's building blocks for other benches (the
// bench-runner's `distributed` scenario): Redis for the bench, a local worker fleet, and the
// labelled MODEL for N machines.
export { BENCH_REDIS_PORT, ensureRedis } from './redis.js';
export type { BenchRedis } from './redis.js';
export { startFleet } from './fleet.js';
export type { Fleet } from './fleet.js';
export { getBreakEvenMs, project } from './model.js';
export type { ModelInputs, Projection } from './model.js';
