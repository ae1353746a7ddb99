// One benchmark run from resolved options: environment, calibration, plan, measurement in
// fresh processes, and the assembled report.
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import type { CliOptions } from '../options/parse-args.js';
import { getProfile, type ProfileName } from '../options/profiles.js';
import { createReport } from '../report/build-report.js';
import type { BenchReport } from '../report/schema.js';
import { planScenarios } from '../scenarios/index.js';
import { captureEnvironment } from './environment.js';
import { calibrate, measurePlan } from './orchestrate.js';

/** How long each spin calibration samples, ms (shorter for smoke runs). */
const CALIBRATION_SAMPLE_MS = { smoke: 20, quick: 50, full: 100, scaling: 50 } as const;

/**
 * Worker counts from 1 to 2 × effective CPUs: every count on small machines, powers of two
 * plus the effective count and 1.5× on big ones; smoke runs only 1 and E.
 * @example
 * deriveWorkerGrid(2, 'quick'); // [1, 2, 3, 4]
 */
export function deriveWorkerGrid(effectiveCpus: number, profile: ProfileName): number[] {
  const max = 2 * effectiveCpus;
  let grid: number[];
  if (profile === 'smoke') grid = [1, effectiveCpus];
  else if (effectiveCpus <= 4) grid = Array.from({ length: max }, (_, i) => i + 1);
  else {
    grid = [effectiveCpus, Math.round(1.5 * effectiveCpus), max];
    for (let p = 1; p < max; p *= 2) grid.push(p);
  }
  return [...new Set(grid)].sort((a, b) => a - b);
}

/**
 * Measures everything the options select and returns the report.
 * @throws RangeError when the filter selects nothing.
 */
export async function runBenchmark(options: CliOptions, command: string): Promise<BenchReport> {
  const started = Date.now();
  const profile = getProfile(options.profile);
  const rounds = options.rounds ?? profile.rounds;
  const environment = captureEnvironment();
  const workerGrid = options.workers ?? deriveWorkerGrid(environment.effectiveCpus, profile.name);
  const poolSize =
    options.workers === undefined ? environment.effectiveCpus : Math.max(...options.workers);
  process.stderr.write(
    `concur bench · profile ${profile.name} · ${rounds} rounds · ${environment.effectiveCpus} effective CPUs · seed ${options.seed}\n`,
  );
  const calibration = await calibrate(CALIBRATION_SAMPLE_MS[profile.name]);
  const customTask =
    options.workload === undefined
      ? undefined
      : {
          moduleUrl: pathToFileURL(options.workload.path).href,
          exportName: options.workload.exportName,
        };
  const configs = planScenarios(
    {
      profile,
      effectiveCpus: environment.effectiveCpus,
      workerGrid,
      poolSize,
      calibration,
      customTask,
    },
    options.filter,
  );
  if (configs.length === 0) {
    throw new RangeError(
      `The --filter \`${options.filter.join(',')}\` matched no configuration. Try a scenario id such as \`tutorial-cpu\` or a strategy such as \`piscina\`${profile.distributedTaskUs.length === 0 ? ' (the `distributed` scenario runs only with `--profile full`)' : ''}.`,
    );
  }
  const groups = await measurePlan(configs, { rounds, seed: options.seed });
  environment.loadavgEnd = os.loadavg();
  return createReport({
    command,
    profile: profile.name,
    seed: options.seed,
    rounds,
    wallMs: Date.now() - started,
    environment,
    calibration,
    poolSize,
    workerGrid,
    configs,
    groups,
  });
}
