// A synthetic report with known answers: crossover speedup S(d) = d / 100 µs (crosses at
// 100 µs), Amdahl scaling with s = 0.2, I/O where the event loop is fastest.
import {
  amdahlSpeedup,
  createReport,
  measureKey,
  type BenchReport,
  type ConfigSpec,
  type GroupResult,
} from '@concur/bench-runner';

const ROUNDS = 3;
const environment = {
  node: '20.20.2',
  v8: '11.3',
  uv: '1.46.0',
  os: 'linux test x64',
  cpuModel: 'Test CPU',
  cpus: 2,
  availableParallelism: 2,
  cpuQuota: { source: 'none' as const, cpus: undefined },
  effectiveCpus: 2,
  totalMemoryMb: 4096,
  execArgv: [],
  uvThreadpoolSize: null,
  loadavgStart: [0.5, 0.4, 0.3],
  loadavgEnd: [0.6, 0.5, 0.4],
  packages: { piscina: '5.3.2' },
  gitSha: 'abc123',
};

function config(
  partial: Partial<ConfigSpec> & Pick<ConfigSpec, 'id' | 'scenario' | 'strategy'>,
): ConfigSpec {
  return {
    workers: 2,
    phase: 'warm',
    workload: { kind: 'spin', tasks: 8, iterations: 1000 },
    jobs: 3,
    ...partial,
  };
}

/** Builds the report; `speedupScale` multiplies every measured speedup (for --compare tests). */
export function createSyntheticReport(speedupScale = 1): BenchReport {
  const configs: ConfigSpec[] = [];
  const speedups = new Map<string, number>();
  for (const d of [10, 100, 1000]) {
    const id = `crossover/concur-threads/${d}us`;
    configs.push(
      config({
        id,
        scenario: 'crossover',
        strategy: 'concur-threads',
        x: d,
        series: 'concur-threads',
        workload: { kind: 'spin', tasks: 8, iterations: d },
      }),
    );
    speedups.set(id, d / 100);
  }
  for (const workers of [1, 2, 3, 4]) {
    const id = `cpu-scaling/concur-threads/warm/w${workers}`;
    configs.push(
      config({
        id,
        scenario: 'cpu-scaling',
        strategy: 'concur-threads',
        workers,
        x: workers,
        series: 'concur-threads (warm)',
        workload: { kind: 'spin', tasks: 16, iterations: 5000 },
      }),
    );
    speedups.set(id, amdahlSpeedup(0.2, Math.min(workers, 2)));
  }
  for (const [strategy, rate] of [
    ['concur-event-loop', 4],
    ['concur-threads', 1],
  ] as const) {
    for (const inFlight of [1, 16]) {
      const id = `io/${strategy}/timer/inflight${inFlight}`;
      configs.push(
        config({
          id,
          scenario: 'io',
          strategy,
          inFlight,
          x: inFlight,
          series: `timer:${strategy}`,
          baseline: false,
          workload: { kind: 'sleep', tasks: 32, delayMs: 1 },
        }),
      );
      speedups.set(id, rate * inFlight);
    }
  }
  // Peers (times relative to raw threads = 1): concur 2.5× piscina's burst speed, below raw;
  // its map 50× piscina's burst with a chunksize of 128, 25× from a generator without one.
  const peerTimes: Record<string, Record<string, number>> = {
    'concur-threads': {
      burst: 2,
      'round-trip': 1.1,
      // Before `cpu` on purpose: finding `cpu` must not stop at `round-trip/one-cpu`.
      'round-trip/one-cpu': 0.5,
      cpu: 1,
      'map/chunk128': 0.1,
      'map/generator-auto': 0.2,
    },
    piscina: { burst: 5, 'round-trip': 1.5, cpu: 1 },
    'raw-threads': { burst: 1, 'round-trip': 1, 'round-trip/one-cpu': 0.45, cpu: 1 },
  };
  for (const [strategy, times] of Object.entries(peerTimes)) {
    for (const [kind, relative] of Object.entries(times)) {
      const id = `peers/${strategy}/${kind}`;
      const workload =
        kind === 'cpu'
          ? ({ kind: 'spin', tasks: 8, iterations: 50_000 } as const)
          : ({ kind: 'noop', tasks: kind.startsWith('round-trip') ? 100 : 1000 } as const);
      configs.push(
        config({
          id,
          scenario: 'peers',
          strategy,
          workload,
          inFlight: kind.startsWith('round-trip') ? 1 : undefined,
          cpus: kind.endsWith('one-cpu') ? 1 : undefined,
          chunksize: kind.startsWith('map/') ? (kind.endsWith('auto') ? 'auto' : 128) : undefined,
          series: kind.startsWith('map/') ? 'map' : kind,
        }),
      );
      // speedup = baseline / time; the baseline is 40 ms, so this makes time = 4 ms × relative.
      speedups.set(id, kind === 'cpu' ? 1.95 : 10 / relative);
    }
  }
  const groups: GroupResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const wobble = 1 + (round - 1) * 0.01;
    groups.push({
      strategy: 'mixed',
      round,
      pid: 100 + round,
      rounds: configs.map((c, order) => {
        const baseline = 40 * wobble;
        const ms = baseline / (speedups.get(c.id)! * (c.baseline === false ? 1 : speedupScale));
        return {
          id: measureKey(c),
          round,
          pid: 100 + round,
          order,
          jobsMs: [ms, ms * 1.01, ms * 0.99],
          baselineMs: c.baseline === false ? [] : [baseline, baseline, baseline],
          warmupJobs: 2,
          cpuMsPerJob: ms,
          maxRssKb: 50_000,
          checksumOk: true,
        };
      }),
    });
  }
  return createReport({
    command: 'npx nx run bench-runner:bench -- --profile smoke',
    profile: 'smoke',
    seed: 1,
    rounds: ROUNDS,
    wallMs: 1234,
    environment,
    calibration: { mainIterationsPerMs: 100_000, workerIterationsPerMs: 95_000, cpuTaskMs: 0.8 },
    poolSize: 2,
    workerGrid: [1, 2, 3, 4],
    configs,
    groups,
  });
}
