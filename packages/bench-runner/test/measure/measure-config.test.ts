// Cold and first-result configurations: one untimed cold job (create, run, close) comes
// before the timed ones, so the first pool of a process (the one that imports the library)
// is never a sample; warm configurations still warm a single pool.
import { describe, expect, it } from 'vitest';
import { WARMUP_MIN_TASKS, measureConfig } from '../../src/measure/measure-config.js';
import type { PreparedWorkload } from '../../src/measure/workloads.js';
import type { Strategy } from '../../src/strategies/strategy.js';

const task = { moduleUrl: 'file:///noop.mjs', exportName: 'noop' };
const workload: PreparedWorkload = {
  task,
  createJob: () => ({ task, argsList: [[1], [2]] }),
};

function recordingStrategy(events: string[]): Strategy {
  let pools = 0;
  return {
    name: 'recording',
    label: 'recording',
    model: 'processes',
    origin: 'raw',
    canTransfer: false,
    async create() {
      const pool = ++pools;
      events.push(`create ${pool}`);
      return {
        submit: async (_task, args) => args[0],
        close: async () => void events.push(`close ${pool}`),
      };
    },
  };
}

describe('measureConfig', () => {
  for (const phase of ['cold', 'first-result'] as const) {
    it(`runs one untimed cold job before the timed ${phase} samples`, async () => {
      const events: string[] = [];
      const measured = await measureConfig({
        name: `test/${phase}`,
        strategy: recordingStrategy(events),
        workers: 1,
        phase,
        workload,
        jobs: 2,
      });
      expect(measured.jobsMs).toHaveLength(2);
      expect(measured.warmupJobs).toBe(1);
      expect(measured.checksumOk).toBe(true);
      expect(events).toEqual(['create 1', 'close 1', 'create 2', 'close 2', 'create 3', 'close 3']);
    });
  }

  it('builds a single pool for a warm configuration', async () => {
    const events: string[] = [];
    const measured = await measureConfig({
      name: 'test/warm',
      strategy: recordingStrategy(events),
      workers: 1,
      phase: 'warm',
      workload,
      jobs: 3,
    });
    expect(measured.jobsMs).toHaveLength(3);
    expect(measured.warmupJobs).toBeGreaterThanOrEqual(2);
    expect(events).toEqual(['create 1', 'close 1']);
  });

  it('warms up over enough tasks for the JIT, even when short jobs already agree', async () => {
    // Jobs of 100 instant tasks agree at once; warm-up still runs WARMUP_MIN_TASKS of them.
    const argsList = Array.from({ length: 100 }, (_, i) => [i]);
    const measured = await measureConfig({
      name: 'test/warm-short',
      strategy: recordingStrategy([]),
      workers: 1,
      phase: 'warm',
      workload: { task, createJob: () => ({ task, argsList }) },
      jobs: 1,
    });
    // At least that many jobs; more only while two in a row still differ by over 10%.
    expect(measured.warmupJobs).toBeGreaterThanOrEqual(WARMUP_MIN_TASKS / 100);
    expect(measured.warmupJobs).toBeLessThanOrEqual(64);
  });
});
