// Scenario 2, the tutorial's section 5: square(n) with a sleep over [1..5] on 3 workers,
// thread pool vs process pool vs the event loop, each created and shut down (`with`).
import { configId, type Scenario } from './scenario.js';

const ID = 'tutorial-square';
/** The tutorial's `max_workers=3`. */
const TUTORIAL_WORKERS = 3;
/** The tutorial's `[1, 2, 3, 4, 5]`. */
const TUTORIAL_ITEMS = 5;

/** The tutorial's executor example, timed. */
export const tutorialSquareScenario: Scenario = {
  id: ID,
  title: 'Tutorial §5: square() with a sleep over 5 items on 3 workers',
  question:
    'For waiting (I/O-like) tasks, how do a thread pool, a process pool and the event loop compare, pool creation included?',
  view: 'table',
  plan({ profile }) {
    const workload = {
      kind: 'square',
      tasks: TUTORIAL_ITEMS,
      delayMs: profile.squareDelayMs,
    } as const;
    return [
      ['sequential', 'warm', 1],
      ['concur-event-loop', 'cold', TUTORIAL_WORKERS],
      ['concur-threads', 'cold', TUTORIAL_WORKERS],
      ['concur-processes', 'cold', TUTORIAL_WORKERS],
    ].map(([strategy, phase, workers]) => ({
      id: configId(ID, strategy as string, phase as string),
      scenario: ID,
      strategy: strategy as string,
      workers: workers as number,
      phase: phase as 'warm' | 'cold',
      workload,
      jobs: phase === 'warm' ? profile.jobs : profile.coldJobs,
    }));
  },
};
