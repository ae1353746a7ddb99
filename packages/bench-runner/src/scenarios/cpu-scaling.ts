// Scenario 3: strong scaling of CPU-bound work, speedup and efficiency vs worker count from
// 1 to 2 × effective CPUs (oversubscribed points marked), warm and cold.
import type { ConfigSpec } from '../measure/plan.js';
import { configId, iterationsFor, type Scenario } from './scenario.js';

const ID = 'cpu-scaling';

/** Speedup vs workers for the thread and process pools. */
export const cpuScalingScenario: Scenario = {
  id: ID,
  title: 'CPU-bound scaling: speedup and efficiency vs workers',
  question:
    'How close to linear do thread and process pools scale on this machine, and what serial fraction does that imply?',
  view: 'scaling',
  plan({ profile, calibration, workerGrid }) {
    const maxWorkers = Math.max(...workerGrid);
    const workload = {
      kind: 'spin',
      tasks: profile.scalingTasksPerWorker * maxWorkers,
      iterations: iterationsFor(profile.scalingTaskMs * 1000, calibration),
    } as const;
    const configs: ConfigSpec[] = [];
    for (const strategy of ['concur-threads', 'concur-processes']) {
      for (const phase of profile.scalingPhases) {
        for (const workers of workerGrid) {
          configs.push({
            id: configId(ID, strategy, phase, `w${workers}`),
            scenario: ID,
            strategy,
            workers,
            phase,
            workload,
            jobs: phase === 'warm' ? profile.jobs : profile.coldJobs,
            x: workers,
            series: `${strategy} (${phase})`,
          });
        }
      }
    }
    return configs;
  },
};
