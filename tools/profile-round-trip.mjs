// Where a sequential thread round trip's time goes: the same no-op task, one at a time,
// through (1) a bare main thread and a bare worker, (2) a bare main thread and concur's
// worker loop (`serve`, the thread entry), (3) ThreadPoolExecutor. Each variant runs in a
// fresh process pinned to one CPU (`taskset`, when there is one), so a thread wakes on the CPU
// the other just left and what differs is code, not where the scheduler put the threads.
// (2) − (1) is concur's worker side, (3) − (2) its main side. Needs built packages.
//
// Usage: node tools/profile-round-trip.mjs [round trips per run, default 100000] [runs, default 3]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const ROOT = new URL('../', import.meta.url);
const url = (path) => new URL(path, ROOT).href;
const CORE = url('packages/core/dist/index.js');
const WORKLOADS = url('packages/core/dist/workloads/index.js');
const RAW_WORKER = url('packages/bench-runner/dist/strategies/peer-workers/raw-thread-worker.js');
const CONCUR_WORKER = url('packages/threading/dist/worker/thread-entry.js');
const EXECUTORS = url('packages/executors/dist/index.js');
const VARIANTS = ['raw main, raw worker', 'raw main, concur worker', 'ThreadPoolExecutor'];
/** Untimed round trips first, so the JIT has optimized both sides (see the bench's warm-up). */
const WARM_UP = 20_000;

/** One variant in this process: microseconds per round trip. */
async function measure(variant, count) {
  const { resolveTaskSpec, taskFrom } = await import(CORE);
  const { spin } = await import(WORKLOADS);
  const spec = await resolveTaskSpec(spin);
  let roundTrip;
  let close;
  if (variant === 'ThreadPoolExecutor') {
    const { ThreadPoolExecutor } = await import(EXECUTORS);
    const executor = new ThreadPoolExecutor({ maxWorkers: 1 });
    const task = taskFrom(spec.moduleUrl, spec.exportName);
    roundTrip = (i) => executor.submit(task, 0, i);
    close = () => executor.shutdown();
  } else {
    const concur = variant === 'raw main, concur worker';
    const worker = new Worker(new URL(concur ? CONCUR_WORKER : RAW_WORKER));
    let pending;
    worker.on('message', (message) => {
      const settle = pending;
      pending = undefined;
      settle?.(message);
    });
    const ready = new Promise((resolve) => (pending = resolve));
    if (concur) worker.postMessage({ type: 'init', threadName: 'profile' });
    await ready;
    roundTrip = (i) =>
      new Promise((resolve) => {
        pending = resolve;
        const request = { id: i, task: spec, args: [0, i] };
        worker.postMessage(concur ? { type: 'run', ...request } : request);
      });
    close = () => worker.terminate();
  }
  for (let i = 0; i < WARM_UP; i++) await roundTrip(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await roundTrip(i);
  const micros = Number(process.hrtime.bigint() - start) / 1e3 / count;
  await close();
  return micros;
}

function hasTaskset() {
  return spawnSync('taskset', ['-p', String(process.pid)]).status === 0;
}

if (process.argv[2] === '--child') {
  const micros = await measure(process.argv[3], Number(process.argv[4]));
  process.stdout.write(`${micros}\n`);
} else {
  const count = Number(process.argv[2] ?? 100_000);
  const runs = Number(process.argv[3] ?? 3);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) {
    throw new TypeError(
      `Usage: node tools/profile-round-trip.mjs [round trips, a positive integer] [runs, a positive integer]; got \`${process.argv.slice(2).join(' ')}\`.`,
    );
  }
  const pinned = hasTaskset();
  const self = fileURLToPath(import.meta.url);
  const results = new Map(VARIANTS.map((variant) => [variant, []]));
  for (let run = 0; run < runs; run++) {
    for (const variant of VARIANTS) {
      const args = [self, '--child', variant, String(count)];
      const child = pinned
        ? spawnSync('taskset', ['-c', '0', process.execPath, ...args], { encoding: 'utf8' })
        : spawnSync(process.execPath, args, { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${variant} failed:\n${child.stderr}`);
      results.get(variant).push(Number(child.stdout.trim()));
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `${count} sequential no-op round trips per run, ${runs} runs, ${pinned ? 'pinned to one CPU' : 'not pinned (no taskset)'}; median µs per round trip:`,
  );
  const [raw, worker, pool] = VARIANTS.map((variant) => median(results.get(variant)));
  for (const variant of VARIANTS) {
    console.log(`  ${variant.padEnd(24)} ${median(results.get(variant)).toFixed(2)}`);
  }
  console.log(`  concur worker side       +${(worker - raw).toFixed(2)}`);
  console.log(`  concur main side         +${(pool - worker).toFixed(2)}`);
}
