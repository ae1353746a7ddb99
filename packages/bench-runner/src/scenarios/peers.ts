// Scenario 7: concur next to the raw references and the peer libraries, each in its own
// process, on issue 7's workloads: burst dispatch, sequential round trip (also with every
// thread on one CPU, which leaves only the software's cost), time to first result, CPU-bound
// speedup, and chunked map (explicit chunksize, and a generator with none) vs per-task
// dispatch.
import type { ConfigSpec } from '../measure/plan.js';
import { configId, iterationsFor, type Scenario } from './scenario.js';

const ID = 'peers';
/** Every thread or process runtime compared here, concur first. */
export const PEER_STRATEGIES = [
  'concur-threads',
  'concur-processes',
  'raw-threads',
  'raw-processes',
  'piscina',
  'tinypool-threads',
  'tinypool-processes',
  'workerpool',
  'poolifier',
] as const;
/** CPU-bound comparison: tasks per worker (issue 7: 8 tasks on 2 workers). */
const CPU_TASKS_PER_WORKER = 4;

/** concur vs raw vs peers, side by side in the same run. */
export const peersScenario: Scenario = {
  id: ID,
  title:
    'Peers: concur vs raw worker_threads / child processes, piscina, tinypool, workerpool, poolifier',
  question:
    'How do concur’s pools compare with the physical floor and with the established libraries?',
  view: 'peers',
  plan({ profile, poolSize, calibration }) {
    const configs: ConfigSpec[] = [];
    for (const strategy of PEER_STRATEGIES) {
      const base = {
        scenario: ID,
        strategy,
        workers: poolSize,
        phase: 'warm',
        jobs: profile.jobs,
      } as const;
      configs.push(
        {
          ...base,
          id: configId(ID, strategy, 'burst'),
          workload: { kind: 'noop', tasks: profile.burstTasks },
          series: 'burst',
        },
        {
          ...base,
          id: configId(ID, strategy, 'round-trip'),
          workload: { kind: 'noop', tasks: profile.roundTrips },
          inFlight: 1,
          series: 'round-trip',
        },
        {
          // The same round trips with the process pinned to one CPU: a thread wakes on the CPU
          // its peer just left instead of an idle one, so what remains is the dispatch code.
          ...base,
          id: configId(ID, strategy, 'round-trip', 'one-cpu'),
          workload: { kind: 'noop', tasks: profile.roundTrips },
          inFlight: 1,
          cpus: 1,
          series: 'round-trip-one-cpu',
        },
        {
          ...base,
          id: configId(ID, strategy, 'first-result'),
          workers: 1,
          phase: 'first-result',
          jobs: profile.coldJobs,
          workload: { kind: 'noop', tasks: 1 },
          series: 'first-result',
        },
        {
          ...base,
          id: configId(ID, strategy, 'cpu'),
          workload: {
            kind: 'spin',
            tasks: CPU_TASKS_PER_WORKER * poolSize,
            iterations: iterationsFor(profile.peerCpuTaskMs * 1000, calibration),
          },
          series: 'cpu',
        },
      );
    }
    const map = {
      scenario: ID,
      strategy: 'concur-threads',
      workers: poolSize,
      phase: 'warm',
      jobs: profile.jobs,
      workload: { kind: 'noop', tasks: profile.burstTasks },
      series: 'map',
    } as const;
    const chunksize = Math.max(...profile.chunksizes);
    configs.push(
      { ...map, id: configId(ID, 'concur-threads', 'map', `chunk${chunksize}`), chunksize },
      // The same tasks from a generator with no chunksize: the executor sizes the chunks.
      { ...map, id: configId(ID, 'concur-threads', 'map', 'generator-auto'), chunksize: 'auto' },
    );
    return configs;
  },
};
