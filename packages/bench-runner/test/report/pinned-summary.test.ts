// A configuration asked to run pinned says so when its process could use more CPUs than
// asked for (the pin did not take), so a figure is never read as pinned when it was not.
import { describe, expect, it } from 'vitest';
import { measureKey, type ConfigRound, type ConfigSpec } from '../../src/measure/plan.js';
import { summarizeConfig } from '../../src/report/summarize.js';

const config: ConfigSpec = {
  id: 'peers/raw-threads/round-trip/one-cpu',
  scenario: 'peers',
  strategy: 'raw-threads',
  workers: 2,
  phase: 'warm',
  workload: { kind: 'noop', tasks: 100 },
  jobs: 3,
  inFlight: 1,
  cpus: 1,
};

const round = (cpusAllowed: number): ConfigRound => ({
  id: measureKey(config),
  round: 0,
  pid: 1,
  order: 0,
  jobsMs: [3, 3, 3],
  baselineMs: [1, 1, 1],
  warmupJobs: 2,
  cpusAllowed,
  cpuMsPerJob: 3,
  maxRssKb: 1,
  checksumOk: true,
});

describe('summarizeConfig of a pinned configuration', () => {
  it('keeps the pinning and warns only when the process could use more CPUs', () => {
    const pinned = summarizeConfig(config, [round(1)], 2, 1, 1);
    expect(pinned.cpus).toBe(1);
    expect(pinned.warnings).toEqual([]);
    const loose = summarizeConfig(config, [round(2)], 2, 1, 1);
    expect(loose.warnings).toEqual(['not pinned: ran on 2 CPUs, not 1']);
  });
});
