// The distributed scenario: planned only by the full profile, and its rows turned into the
// overheads, the measured break-even durations and the labelled model for N machines.
import { describe, expect, it } from 'vitest';
import {
  analyzeDistributed,
  createReport,
  getProfile,
  planScenarios,
  renderDistributedNotes,
  renderTerminal,
  type BenchReport,
  type ConfigSpec,
  type GroupResult,
  type ScenarioContext,
} from '@concur/bench-runner';

const environment = {
  node: '20.20.2',
  v8: '11.3',
  uv: '1.46.0',
  os: 'linux test x64',
  cpuModel: 'Test CPU',
  cpus: 2,
  availableParallelism: 2,
  cpuQuota: { source: 'none' as const, cpus: undefined },
  effectiveCpus: 2,
  totalMemoryMb: 4096,
  execArgv: [],
  uvThreadpoolSize: null,
  loadavgStart: [0.5, 0.4, 0.3],
  loadavgEnd: [0.6, 0.5, 0.4],
  packages: {},
  gitSha: 'abc123',
};
const calibration = { mainIterationsPerMs: 100_000, workerIterationsPerMs: 100_000, cpuTaskMs: 1 };

function context(profile: 'smoke' | 'quick' | 'full'): ScenarioContext {
  return {
    profile: getProfile(profile),
    effectiveCpus: 2,
    workerGrid: [1, 2],
    poolSize: 2,
    calibration,
    customTask: undefined,
  };
}

/**
 * A run of the scenario's own plan with known job times (ms): no-op bursts of 2000 tasks
 * take 200 ms in the pool (10k/s) and 1000 ms through Redis (2k/s); CPU jobs (baseline
 * 40 ms) take `cpu[strategy][durationUs]`. `error` makes every distributed row fail.
 */
function distributedReport(error?: string): BenchReport {
  const configs = planScenarios(context('full'), ['distributed']);
  const cpu: Record<string, Record<number, number>> = {
    'concur-processes': { 100: 25, 1000: 22, 10_000: 21 },
    distributed: { 100: 200, 1000: 45, 10_000: 22 },
  };
  const jobMs = (c: ConfigSpec): number => {
    if (c.series === 'round-trip')
      return c.workload.tasks * (c.strategy === 'distributed' ? 2 : 0.1);
    if (c.series === 'burst') return c.strategy === 'distributed' ? 1000 : 200;
    return cpu[c.strategy]![c.x!]!;
  };
  const group: GroupResult = {
    strategy: 'mixed',
    round: 0,
    pid: 1,
    rounds: configs.map((c, order) => {
      const failed = error !== undefined && c.strategy === 'distributed';
      const ms = jobMs(c);
      return {
        id: JSON.stringify([
          c.strategy,
          c.workers,
          c.phase,
          c.workload,
          c.jobs,
          c.inFlight ?? null,
          c.chunksize ?? null,
          c.baseline ?? true,
        ]),
        round: 0,
        pid: 1,
        order,
        jobsMs: failed ? [] : [ms, ms, ms],
        baselineMs: [40, 40, 40],
        warmupJobs: failed ? 0 : 2,
        cpuMsPerJob: 0,
        maxRssKb: 50_000,
        checksumOk: !failed,
        ...(failed ? { error } : {}),
      };
    }),
  };
  return createReport({
    command: 'node dist/cli.js --profile full --filter distributed',
    profile: 'full',
    seed: 1,
    rounds: 1,
    wallMs: 1,
    environment,
    calibration,
    poolSize: 2,
    workerGrid: [1, 2],
    configs,
    groups: [group],
  });
}

describe('distributed scenario', () => {
  it('is planned by the full profile only, comparing the process pool with Redis', () => {
    expect(planScenarios(context('smoke'), ['distributed'])).toEqual([]);
    expect(planScenarios(context('quick'), ['distributed'])).toEqual([]);
    const ids = planScenarios(context('full'), ['distributed']).map((c) => c.id);
    expect(ids).toContain('distributed/distributed/round-trip');
    expect(ids).toContain('distributed/concur-processes/burst');
    expect(ids).toContain('distributed/distributed/cpu/10000us');
    expect(planScenarios(context('smoke'), []).some((c) => c.scenario === 'distributed')).toBe(
      false,
    );
  });

  it('turns the rows into overheads, measured break-evens and the labelled model', () => {
    const findings = analyzeDistributed(distributedReport())!;
    expect(findings.skipped).toBeUndefined();
    expect(findings.roundTripMs.distributed).toBeCloseTo(2, 6);
    expect(findings.roundTripMs.pool).toBeCloseTo(0.1, 6);
    // 2 workers × 1000 ms / throughput: 2000 tasks/s → 1 ms, 10 000 tasks/s → 0.2 ms.
    expect(findings.inputs?.distributedOverheadMs).toBeCloseTo(1, 6);
    expect(findings.inputs?.poolOverheadMs).toBeCloseTo(0.2, 6);
    expect(findings.inputs?.dispatchPerSecond).toBeCloseTo(2000, 6);
    expect(findings.beatsInlineUs).toBe(10_000); // 40 / 45 < 1 at 1 ms, 40 / 22 > 1 at 10 ms
    expect(findings.nearPoolUs).toBe(10_000); // 22 ≤ 1.1 × 21
    const twoAt10 = findings.projections.find((p) => p.machines === 2 && p.taskMs === 10)!;
    expect(twoAt10.distributedPerSecond).toBeCloseTo((2 * 2 * 1000) / 11, 6);
    expect(findings.breakEvenMs.map((b) => b.machines)).toEqual([2, 4, 8, 16, 32]);
    const notes = renderDistributedNotes(distributedReport()).join('\n');
    expect(notes).toContain('**MODEL, not a measurement**');
    expect(notes).toContain('| 32 |');
    expect(renderTerminal(distributedReport())).toContain('MODEL, not a measurement');
  });

  it('says it was skipped when DistributedExecutor could not run', () => {
    const report = distributedReport('Error: Command failed: tools/redis/start.sh 6392\n');
    const findings = analyzeDistributed(report)!;
    expect(findings.skipped).toBe('Error: Command failed: tools/redis/start.sh 6392');
    expect(findings.inputs).toBeUndefined();
    expect(renderDistributedNotes(report)[0]).toMatch(/^\*\*Skipped/);
    // The pool's rows are still measured and shown.
    const terminal = renderTerminal(report);
    expect(terminal).toMatch(/concur ProcessPoolExecutor +burst/);
    expect(terminal).toContain('**Skipped: DistributedExecutor could not run here**');
  });

  it('adds nothing to reports without the scenario', () => {
    const report = distributedReport();
    const without = {
      ...report,
      summaries: report.summaries.filter((s) => s.scenario !== 'distributed'),
    };
    expect(analyzeDistributed(without)).toBeUndefined();
    expect(renderDistributedNotes(without)).toEqual([]);
  });
});
