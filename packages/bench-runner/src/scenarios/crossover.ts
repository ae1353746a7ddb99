// Scenario 4: speedup vs calibrated task duration on a log grid, per model, to find the
// task duration where each starts to beat sequential.
import type { ConfigSpec } from '../measure/plan.js';
import { configId, iterationsFor, type Scenario } from './scenario.js';

const ID = 'crossover';
/** Tasks per job at most, so the shortest tasks do not make huge jobs. */
const MAX_TASKS_PER_JOB = 512;
/** At least this many tasks per worker, so the tail imbalance stays under 1/8. */
const MIN_TASKS_PER_WORKER = 8;

/** Speedup vs task duration for each model. */
export const crossoverScenario: Scenario = {
  id: ID,
  title: 'Crossover: speedup vs task duration',
  question: 'How long must a CPU task be before sending it to a worker beats running it inline?',
  view: 'crossover',
  plan({ profile, calibration, poolSize }) {
    const configs: ConfigSpec[] = [];
    for (const durationUs of profile.crossoverGridUs) {
      const tasks = Math.min(
        MAX_TASKS_PER_JOB,
        Math.max(
          MIN_TASKS_PER_WORKER * poolSize,
          Math.ceil((profile.crossoverJobMs * 1000) / durationUs),
        ),
      );
      const workload = {
        kind: 'spin',
        tasks,
        iterations: iterationsFor(durationUs, calibration),
      } as const;
      for (const strategy of [
        'concur-threads',
        'concur-processes',
        'concur-event-loop',
        'raw-threads',
      ]) {
        configs.push({
          id: configId(ID, strategy, `${durationUs}us`),
          scenario: ID,
          strategy,
          workers: poolSize,
          phase: 'warm',
          workload,
          jobs: profile.jobs,
          x: durationUs,
          series: strategy,
        });
      }
    }
    return configs;
  },
};
