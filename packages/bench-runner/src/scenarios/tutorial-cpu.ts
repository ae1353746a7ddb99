// Scenario 1, the tutorial's section 4 exactly: 4 × cpuTask(10**6), 4 threads vs 4
// processes with creation included, next to sequential and the event loop; then the same
// experiment at the size CPython needs (~50 ms per task) to show where pools start to pay.
import type { ConfigSpec } from '../measure/plan.js';
import { configId, type Scenario } from './scenario.js';

const ID = 'tutorial-cpu';
/** The tutorial's four tasks and four workers. */
const TUTORIAL_TASKS = 4;
/** The tutorial's `range(10**6)`. */
const TUTORIAL_ITERATIONS = 1_000_000;
/** What one cpu_task(10**6) costs CPython (36–76 ms measured here), for the second part. */
const PYTHON_TASK_MS = { smoke: 5, quick: 40, full: 50, scaling: 40 } as const;

/** The tutorial's CPU benchmark, faithfully, then at CPython's task size. */
export const tutorialCpuScenario: Scenario = {
  id: ID,
  title: 'Tutorial §4: 4 × cpu_task(10**6), threads vs processes (creation included)',
  question:
    'Does running the tutorial’s four CPU tasks on four threads or four processes beat running them inline in Node?',
  view: 'table',
  plan({ profile, calibration }) {
    const pythonIterations = Math.round(
      (TUTORIAL_ITERATIONS * PYTHON_TASK_MS[profile.name]) / Math.max(calibration.cpuTaskMs, 0.01),
    );
    const configs: ConfigSpec[] = [];
    const sizes: (readonly [string, number])[] = [['tutorial', TUTORIAL_ITERATIONS]];
    if (profile.tutorialPythonSize) sizes.push(['python-size', pythonIterations]);
    for (const [size, iterations] of sizes) {
      const workload = { kind: 'cpu-task', tasks: TUTORIAL_TASKS, iterations } as const;
      const add = (strategy: string, phase: ConfigSpec['phase'], workers: number): void => {
        configs.push({
          id: configId(ID, strategy, size, phase, `w${workers}`),
          scenario: ID,
          strategy,
          workers,
          phase,
          workload,
          jobs: phase === 'warm' ? profile.jobs : profile.coldJobs,
          series: size,
        });
      };
      add('sequential', 'warm', 1);
      add('concur-event-loop', 'cold', TUTORIAL_TASKS);
      for (const strategy of [
        'concur-threads',
        'concur-processes',
        'raw-threads',
        'raw-processes',
      ]) {
        add(strategy, 'cold', TUTORIAL_TASKS);
      }
      add('concur-threads', 'warm', TUTORIAL_TASKS);
      add('concur-processes', 'warm', TUTORIAL_TASKS);
    }
    return configs;
  },
};
