// Scenario 5: I/O-bound work (timers, file reads, loopback HTTP) at rising in-flight limits:
// the event loop vs a thread pool vs a process pool, compared by throughput.
import type { ConfigSpec, WorkloadSpec } from '../measure/plan.js';
import { configId, type Scenario } from './scenario.js';

const ID = 'io';
/** Pools get one worker per in-flight task up to this many per effective CPU. */
const IO_WORKERS_PER_CPU = 4;

/** Throughput vs in-flight limit for three kinds of waiting. */
export const ioBoundScenario: Scenario = {
  id: ID,
  title: 'I/O-bound: throughput vs in-flight limit',
  question:
    'For waiting on timers, files and the network, does the event loop alone match thread and process pools?',
  view: 'io',
  plan({ profile, effectiveCpus }) {
    const kinds: [string, WorkloadSpec][] = [
      ['timer', { kind: 'sleep', tasks: profile.ioTasks, delayMs: profile.ioDelayMs }],
      ['file', { kind: 'file', tasks: profile.ioTasks, bytes: profile.ioFileBytes }],
      ['http', { kind: 'http', tasks: profile.ioTasks, delayMs: profile.ioDelayMs, bytes: 1024 }],
    ];
    const configs: ConfigSpec[] = [];
    for (const [kind, workload] of kinds) {
      for (const inFlight of profile.ioInFlight) {
        for (const strategy of ['concur-event-loop', 'concur-threads', 'concur-processes']) {
          const workers =
            strategy === 'concur-event-loop'
              ? inFlight
              : Math.min(inFlight, IO_WORKERS_PER_CPU * effectiveCpus);
          configs.push({
            id: configId(ID, strategy, kind, `inflight${inFlight}`),
            scenario: ID,
            strategy,
            workers,
            phase: 'warm',
            workload,
            jobs: profile.jobs,
            inFlight,
            baseline: false,
            x: inFlight,
            series: `${kind}:${strategy}`,
          });
        }
      }
    }
    return configs;
  },
};
