// The orchestrator: for each round, visits the strategy groups in a seeded-random order and
// measures each in a fresh process (execa), one process at a time; progress goes to stderr
// between processes, never while one measures.
import { fileURLToPath } from 'node:url';
import { execaNode } from 'execa';
import { createRandom, deriveSeed, shuffle } from '../stats/random.js';
import type { Calibration, ChildRequest } from './child-protocol.js';
import { measureKey, type ConfigSpec, type GroupResult } from './plan.js';
import { createProgress } from './progress.js';

const CHILD_ENTRY = fileURLToPath(new URL('./child-entry.js', import.meta.url));
/** A measuring process that runs longer than this is stuck (a hung pool): kill it. */
const GROUP_TIMEOUT_MS = 300_000;
/** After SIGTERM, a stuck measuring process gets this long before SIGKILL. */
const GROUP_FORCE_KILL_AFTER_MS = 3000;

async function askChild<Reply>(request: ChildRequest): Promise<Reply> {
  const subprocess = execaNode(CHILD_ENTRY, [], {
    ipc: true,
    timeout: GROUP_TIMEOUT_MS,
    forceKillAfterDelay: GROUP_FORCE_KILL_AFTER_MS,
    stdin: 'ignore',
    stdout: 'ignore',
    stderr: 'pipe',
    reject: false,
  });
  await subprocess.sendMessage(request as never);
  const result = await subprocess;
  const reply = result.ipcOutput.at(-1);
  if (result.failed || reply === undefined) {
    const tail = String(result.stderr ?? '').slice(-2000);
    throw new Error(`measuring process failed (${result.shortMessage}).\n${tail}`);
  }
  return reply as Reply;
}

/**
 * Calibrates the spin workload in a fresh process (main thread and a warm worker).
 * @throws Error when the calibration process fails.
 */
export function calibrate(sampleMs: number): Promise<Calibration> {
  return askChild<Calibration>({ kind: 'calibrate', sampleMs });
}

/** Options of {@link measurePlan}. */
export interface MeasurePlanOptions {
  readonly rounds: number;
  readonly seed: number;
}

/**
 * Measures every configuration over `rounds` rounds, one fresh process per strategy per round.
 * A process that fails is recorded as an error on each of its configurations.
 */
export async function measurePlan(
  configs: readonly ConfigSpec[],
  { rounds, seed }: MeasurePlanOptions,
): Promise<GroupResult[]> {
  // Scenarios may plan the same measurement; each is measured once, keyed by measureKey.
  const unique = new Map<string, ConfigSpec>();
  for (const config of configs) {
    const key = measureKey(config);
    if (!unique.has(key)) unique.set(key, { ...config, id: key });
  }
  const measured = [...unique.values()];
  const strategies = [...new Set(measured.map((config) => config.strategy))];
  const progress = createProgress(rounds * strategies.length);
  const results: GroupResult[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = shuffle(strategies, createRandom(deriveSeed(seed, `round-${round}`)));
    for (const strategy of order) {
      const group = {
        strategy,
        round,
        seed: deriveSeed(seed, `${strategy}-${round}`),
        configs: measured.filter((config) => config.strategy === strategy),
      };
      progress.start(
        `round ${round + 1}/${rounds} · ${strategy} (${group.configs.length} configs)`,
      );
      try {
        results.push(await askChild<GroupResult>({ kind: 'group', group }));
        progress.done();
      } catch (error) {
        const message = (error as Error).message;
        progress.failed(message);
        results.push({
          strategy,
          round,
          pid: 0,
          rounds: group.configs.map((config, order) => ({
            id: config.id,
            round,
            pid: 0,
            order,
            jobsMs: [],
            baselineMs: [],
            warmupJobs: 0,
            cpuMsPerJob: 0,
            maxRssKb: 0,
            checksumOk: false,
            error: message.split('\n')[0]!,
          })),
        });
      }
    }
  }
  progress.finish();
  return results;
}
