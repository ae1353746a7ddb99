// `nx run distributed:bench`: per-task overhead and throughput of DistributedExecutor vs
// ProcessPoolExecutor on this machine, the task duration where distributing pays, and a
// labelled MODEL for N machines. Options: --workers N, --latency-tasks N, --json PATH.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { validatePositiveInteger } from '@concur/core';
import { ProcessPoolExecutor, type Executor } from '@concur/executors';
import { DistributedExecutor } from '../client/distributed-executor.js';
import { startFleet } from './fleet.js';
import {
  calibrateIterationsPerMs,
  measureCpuBatch,
  measureInProcess,
  measureLatency,
  measureThroughput,
} from './measure.js';
import { getBreakEvenMs, project, type ModelInputs } from './model.js';
import { ensureRedis } from './redis.js';
import { describeEnvironment, formatNumber, formatTable } from './report.js';

/** Task durations the CPU grid measures, in ms. */
const TASK_DURATIONS_MS = [0.1, 1, 5, 20];
/** About how much CPU work each grid batch carries per worker, in ms (keeps the bench short). */
const BATCH_WORK_PER_WORKER_MS = 600;
const NO_OP_TASKS = 2_000;

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: String(availableParallelism()) },
    'latency-tasks': { type: 'string', default: '300' },
    json: { type: 'string' },
  },
});
const workers = validatePositiveInteger('workers', Number(values.workers));
const latencyTasks = validatePositiveInteger('latency-tasks', Number(values['latency-tasks']));

const redis = ensureRedis();
const queue = `bench-${randomUUID().slice(0, 8)}`;
const probe = new Redis(redis.url, { maxRetriesPerRequest: null });
const redisVersion = /redis_version:(\S+)/.exec(await probe.info('server'))?.[1] ?? 'unknown';
await probe.quit();
const fleet = await startFleet(redis.url, queue, workers);
const distributed = new DistributedExecutor({ connection: redis.url, queue });
const pool = new ProcessPoolExecutor({ maxWorkers: workers });
const executors: [string, Executor][] = [
  ['ProcessPoolExecutor', pool],
  ['DistributedExecutor', distributed],
];

try {
  console.log(`concur distributed bench — ${describeEnvironment(redisVersion)}`);
  console.log(
    `${workers} workers each: ${workers} pool processes vs ${workers} concur-worker processes (concurrency 1) on this machine, Redis on loopback\n`,
  );
  const latency: Record<string, Awaited<ReturnType<typeof measureLatency>>> = {};
  const throughput: Record<string, number> = {};
  for (const [name, executor] of executors) {
    latency[name] = await measureLatency(executor, latencyTasks);
    throughput[name] = await measureThroughput(executor, NO_OP_TASKS);
  }
  console.log('Per-task overhead (no-op task) and throughput');
  console.log(
    formatTable(
      [
        'executor',
        'round trip median ms',
        'p95 ms',
        `no-op tasks/s (${NO_OP_TASKS} in flight)`,
        'worker ms per task',
      ],
      executors.map(([name]) => [
        name,
        formatNumber(latency[name]!.median, 3),
        formatNumber(latency[name]!.p95, 3),
        formatNumber(throughput[name]!, 0),
        formatNumber((workers * 1_000) / throughput[name]!, 3),
      ]),
    ),
  );

  const iterationsPerMs = calibrateIterationsPerMs();
  const grid = [];
  for (const taskMs of TASK_DURATIONS_MS) {
    const count = Math.min(
      2_000,
      Math.max(4 * workers, Math.ceil((BATCH_WORK_PER_WORKER_MS * workers) / taskMs)),
    );
    const iterations = Math.max(1, Math.round(iterationsPerMs * taskMs));
    const sequentialMs = measureInProcess(count, iterations);
    const wall: Record<string, number> = {};
    for (const [name, executor] of executors)
      wall[name] = await measureCpuBatch(executor, count, iterations, workers);
    grid.push({ taskMs, count, sequentialMs, wall });
  }
  console.log('\nCPU tasks (spin calibrated in this process): wall time of a batch');
  console.log(
    formatTable(
      [
        'task ms',
        'tasks',
        'in-process, one by one ms',
        'pool ms',
        'distributed ms',
        'distributed / pool',
        'distributed speedup vs in-process',
      ],
      grid.map((row) => [
        formatNumber(row.taskMs, 1),
        String(row.count),
        formatNumber(row.sequentialMs, 0),
        formatNumber(row.wall['ProcessPoolExecutor']!, 0),
        formatNumber(row.wall['DistributedExecutor']!, 0),
        formatNumber(row.wall['DistributedExecutor']! / row.wall['ProcessPoolExecutor']!, 2),
        formatNumber(row.sequentialMs / row.wall['DistributedExecutor']!, 2),
      ]),
    ),
  );
  const paysOff = grid.find((row) => row.wall['DistributedExecutor']! < row.sequentialMs);
  const nearPool = grid.find(
    (row) => row.wall['DistributedExecutor']! <= 1.1 * row.wall['ProcessPoolExecutor']!,
  );
  console.log(
    `\nMeasured here: distributing beats running the tasks one by one in this process from ${paysOff === undefined ? 'none of the measured durations' : `${paysOff.taskMs} ms tasks`}; ` +
      `it costs within 10% of the local process pool from ${nearPool === undefined ? 'none of the measured durations' : `${nearPool.taskMs} ms tasks`}.`,
  );

  const inputs: ModelInputs = {
    cores: workers,
    distributedOverheadMs: (workers * 1_000) / throughput['DistributedExecutor']!,
    poolOverheadMs: (workers * 1_000) / throughput['ProcessPoolExecutor']!,
    dispatchPerSecond: throughput['DistributedExecutor']!,
  };
  const machines = [1, 2, 4, 8, 16, 32];
  const durations = [1, 10, 100];
  console.log(
    `\nMODEL, not a measurement: N machines × ${workers} workers, from the overheads above (worker ms per task; dispatch capped at the ${formatNumber(inputs.dispatchPerSecond, 0)} tasks/s one client + Redis reached here, a floor since they shared this machine's cores)`,
  );
  const projections = machines.flatMap((n) => durations.map((d) => project(inputs, n, d)));
  console.log(
    formatTable(
      [
        'machines',
        ...durations.map((d) => `${d} ms tasks: tasks/s (× one-machine pool)`),
        'break-even task ms',
      ],
      machines.map((n) => [
        String(n),
        ...durations.map((d) => {
          const p = project(inputs, n, d);
          return `${formatNumber(p.distributedPerSecond, 0)} (× ${formatNumber(p.speedup, 2)}${p.dispatchBound ? ', dispatch-bound' : ''})`;
        }),
        n === 1 ? '—' : formatNumber(getBreakEvenMs(inputs, n), 2),
      ]),
    ),
  );
  if (values.json !== undefined) {
    const environment = describeEnvironment(redisVersion);
    writeFileSync(
      values.json,
      JSON.stringify(
        { environment, workers, latency, throughput, grid, inputs, projections },
        null,
        2,
      ),
    );
    console.log(`\nJSON written to ${values.json}`);
  }
} finally {
  await Promise.allSettled([distributed.shutdown(), pool.shutdown()]);
  await fleet.stop();
  redis.stop();
}
