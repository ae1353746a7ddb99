// Scenario 8: concur's DistributedExecutor (Redis + local concur-worker processes) next to
// ProcessPoolExecutor on this machine: per-task overhead (round trip, burst of no-ops) and
// CPU tasks on a duration grid, from which the report finds where distributing stops
// costing more than it gives and projects N machines (a model, labelled as one).
import type { ConfigSpec } from '../measure/plan.js';
import { configId, iterationsFor, type Scenario } from './scenario.js';

const ID = 'distributed';
/** The local pool it is compared with, and the distributed executor. */
export const DISTRIBUTED_STRATEGIES = ['concur-processes', 'distributed'] as const;
/** No-op round trips and burst size at most (each one goes through Redis). */
const MAX_ROUND_TRIPS = 200;
const MAX_BURST_TASKS = 2000;
/** Tasks per CPU job at most, and at least per worker (tail imbalance under 1/8). */
const MAX_TASKS_PER_JOB = 512;
const MIN_TASKS_PER_WORKER = 8;

/** DistributedExecutor vs ProcessPoolExecutor; planned only by profiles with a task grid. */
export const distributedScenario: Scenario = {
  id: ID,
  title: 'Distributed: DistributedExecutor vs ProcessPoolExecutor on this machine',
  question:
    'What does sending a task through Redis cost per task, from which task duration does distributing stop costing more than it gives, and what would N machines give (modelled)?',
  view: 'table',
  plan({ profile, calibration, poolSize }) {
    if (profile.distributedTaskUs.length === 0) return [];
    const configs: ConfigSpec[] = [];
    for (const strategy of DISTRIBUTED_STRATEGIES) {
      const add = (config: Omit<ConfigSpec, 'scenario' | 'jobs' | 'strategy' | 'workers'>) => {
        configs.push({ scenario: ID, strategy, workers: poolSize, jobs: profile.jobs, ...config });
      };
      add({
        id: configId(ID, strategy, 'round-trip'),
        phase: 'warm',
        workload: { kind: 'noop', tasks: Math.min(profile.roundTrips, MAX_ROUND_TRIPS) },
        inFlight: 1,
        series: 'round-trip',
      });
      add({
        id: configId(ID, strategy, 'burst'),
        phase: 'warm',
        workload: { kind: 'noop', tasks: Math.min(profile.burstTasks, MAX_BURST_TASKS) },
        series: 'burst',
      });
      for (const durationUs of profile.distributedTaskUs) {
        const tasks = Math.min(
          MAX_TASKS_PER_JOB,
          Math.max(
            MIN_TASKS_PER_WORKER * poolSize,
            Math.ceil((profile.crossoverJobMs * 1000) / durationUs),
          ),
        );
        add({
          id: configId(ID, strategy, 'cpu', `${durationUs}us`),
          phase: 'warm',
          workload: { kind: 'spin', tasks, iterations: iterationsFor(durationUs, calibration) },
          x: durationUs,
          series: 'cpu',
        });
      }
    }
    return configs;
  },
};
