// Scenario 6: the fixed costs of a pool: time to first result from a cold start, one task's
// round trip, burst dispatch throughput, map with a chunksize, and payload size (clone vs
// transfer).
import type { ConfigSpec } from '../measure/plan.js';
import { configId, type Scenario } from './scenario.js';

const ID = 'overheads';
const POOLS = ['concur-threads', 'concur-processes'] as const;
const REFERENCES = ['raw-threads', 'raw-processes'] as const;

/** Dispatch and start-up costs of concur's pools next to the raw references. */
export const overheadsScenario: Scenario = {
  id: ID,
  title: 'Overheads: cold start, round trip, burst, chunked map, payload size',
  question:
    'What does a pool cost per task and per start, and how much do chunking and transfer save?',
  view: 'overheads',
  plan({ profile, poolSize }) {
    const configs: ConfigSpec[] = [];
    const add = (config: Omit<ConfigSpec, 'scenario' | 'jobs'> & { jobs?: number }): void => {
      configs.push({ jobs: profile.jobs, scenario: ID, ...config });
    };
    for (const strategy of [...POOLS, ...REFERENCES]) {
      add({
        id: configId(ID, strategy, 'first-result'),
        strategy,
        workers: 1,
        phase: 'first-result',
        workload: { kind: 'noop', tasks: 1 },
        jobs: profile.coldJobs,
        series: 'first-result',
      });
    }
    for (const strategy of [...POOLS, ...REFERENCES, 'concur-event-loop']) {
      add({
        id: configId(ID, strategy, 'round-trip'),
        strategy,
        workers: strategy === 'concur-event-loop' ? 1 : poolSize,
        phase: 'warm',
        workload: { kind: 'noop', tasks: profile.roundTrips },
        inFlight: 1,
        series: 'round-trip',
      });
      add({
        id: configId(ID, strategy, 'burst'),
        strategy,
        workers: poolSize,
        phase: 'warm',
        workload: { kind: 'noop', tasks: profile.burstTasks },
        series: 'burst',
      });
    }
    for (const strategy of POOLS) {
      for (const chunksize of profile.chunksizes) {
        add({
          id: configId(ID, strategy, 'map', `chunk${chunksize}`),
          strategy,
          workers: poolSize,
          phase: 'warm',
          workload: { kind: 'noop', tasks: profile.burstTasks },
          chunksize,
          x: chunksize,
          series: 'map',
        });
      }
    }
    for (const strategy of [...POOLS, 'raw-threads']) {
      for (const bytes of profile.payloadBytes) {
        // Only thread runtimes can move an ArrayBuffer instead of copying it.
        for (const transfer of strategy === 'concur-processes' ? [false] : [false, true]) {
          add({
            id: configId(ID, strategy, 'payload', `${bytes}B`, transfer ? 'transfer' : 'clone'),
            strategy,
            workers: poolSize,
            phase: 'warm',
            workload: { kind: 'payload', tasks: 4 * poolSize, bytes, transfer },
            x: bytes,
            series: `payload-${transfer ? 'transfer' : 'clone'}`,
          });
        }
      }
    }
    return configs;
  },
};
