// The orchestrator: for each round, visits the strategy groups in a seeded-random order and
// measures each in a fresh process (execa), one process at a time; progress goes to stderr
// between processes, never while one measures. Configurations pinned to CPUs (`cpus`) get
// processes of their own, started under `taskset`.
import { fileURLToPath } from 'node:url';
import { execa, execaNode, type Options } from 'execa';
import { createRandom, deriveSeed, shuffle } from '../stats/random.js';
import type { Calibration, ChildRequest } from './child-protocol.js';
import { measureKey, type ConfigSpec, type GroupResult } from './plan.js';
import { pinPrefix, type PinPrefix } from './pin-cpus.js';
import { createProgress } from './progress.js';

const CHILD_ENTRY = fileURLToPath(new URL('./child-entry.js', import.meta.url));
/** A measuring process that runs longer than this is stuck (a hung pool): kill it. */
const GROUP_TIMEOUT_MS = 300_000;
/** After SIGTERM, a stuck measuring process gets this long before SIGKILL. */
const GROUP_FORCE_KILL_AFTER_MS = 3000;

async function askChild<Reply>(
  request: ChildRequest,
  pin?: PinPrefix & { ok: true },
): Promise<Reply> {
  const options = {
    ipc: true,
    timeout: GROUP_TIMEOUT_MS,
    forceKillAfterDelay: GROUP_FORCE_KILL_AFTER_MS,
    stdin: 'ignore',
    stdout: 'ignore',
    stderr: 'pipe',
    reject: false,
  } as const satisfies Options;
  // `taskset` execs node in place, which keeps the IPC channel and its serialization.
  const subprocess =
    pin === undefined
      ? execaNode(CHILD_ENTRY, [], options)
      : execa(pin.file, [...pin.args, process.execPath, ...process.execArgv, CHILD_ENTRY], options);
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
  // One process per strategy and pinning: a pinned process measures nothing else.
  const groups = new Map<string, ConfigSpec[]>();
  for (const config of measured) {
    const key =
      config.cpus === undefined ? config.strategy : `${config.strategy} · ${config.cpus} CPU`;
    const configs = groups.get(key);
    if (configs === undefined) groups.set(key, [config]);
    else configs.push(config);
  }
  const keys = [...groups.keys()];
  const pins = new Map<number, PinPrefix>();
  for (const cpus of new Set(measured.map((config) => config.cpus))) {
    if (cpus !== undefined) pins.set(cpus, await pinPrefix(cpus));
  }
  const progress = createProgress(rounds * keys.length);
  const results: GroupResult[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = shuffle(keys, createRandom(deriveSeed(seed, `round-${round}`)));
    for (const key of order) {
      const configs = groups.get(key)!;
      const { strategy, cpus } = configs[0]!;
      const group = {
        strategy,
        round,
        // Unpinned groups keep the seed they always had, so earlier runs stay reproducible.
        seed: deriveSeed(seed, `${key}-${round}`),
        ...(cpus === undefined ? {} : { cpus }),
        configs,
      };
      progress.start(`round ${round + 1}/${rounds} · ${key} (${configs.length} configs)`);
      const pin = cpus === undefined ? undefined : pins.get(cpus)!;
      try {
        if (pin !== undefined && !pin.ok) throw new Error(pin.reason);
        const request = { kind: 'group', group } as const;
        results.push(await askChild<GroupResult>(request, pin));
        progress.done();
      } catch (error) {
        const message = (error as Error).message;
        progress.failed(message);
        results.push(failedGroup(strategy, round, configs, message.split('\n')[0]!));
      }
    }
  }
  progress.finish();
  return results;
}

/** A group whose process failed (or could not be started): the error on each configuration. */
function failedGroup(
  strategy: string,
  round: number,
  configs: readonly ConfigSpec[],
  error: string,
): GroupResult {
  return {
    strategy,
    round,
    pid: 0,
    rounds: configs.map((config, order) => ({
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
      error,
    })),
  };
}
