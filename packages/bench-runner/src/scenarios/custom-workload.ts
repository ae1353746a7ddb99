// The `--workload ./my-task.js#export` scenario: the user's own exported task, called as
// task(i) for i = 0..n-1, across every model at the pool size.
import type { ConfigSpec } from '../measure/plan.js';
import { PEER_STRATEGIES } from './peers.js';
import { configId, type Scenario } from './scenario.js';

const ID = 'custom';
/** Tasks per job: this many per worker. */
const TASKS_PER_WORKER = 4;

/** The user's task, everywhere. */
export const customWorkloadScenario: Scenario = {
  id: ID,
  title: 'Your workload across every model',
  question: 'Which way of running your task is fastest on this machine?',
  view: 'table',
  plan({ profile, poolSize, customTask }) {
    if (customTask === undefined) return [];
    const workload = { kind: 'custom', tasks: TASKS_PER_WORKER * poolSize, ...customTask } as const;
    const strategies = ['sequential', 'concur-event-loop', ...PEER_STRATEGIES];
    return strategies.map(
      (strategy): ConfigSpec => ({
        id: configId(ID, strategy),
        scenario: ID,
        strategy,
        workers: strategy === 'sequential' ? 1 : poolSize,
        phase: 'warm',
        workload,
        jobs: profile.jobs,
      }),
    );
  },
};
