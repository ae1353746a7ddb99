// Provenance of a run: machine, CPUs and quota, runtime versions, library versions, git
// commit, command, seed and load, recorded in every report.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { computeEffectiveCpus, readCpuQuota, type CpuQuota } from './effective-cpus.js';

/** Packages whose versions every report records. */
const RECORDED_PACKAGES = [
  '@concur/core',
  '@concur/executors',
  '@concur/threading',
  '@concur/multiprocessing',
  'tinybench',
  'execa',
  'piscina',
  'tinypool',
  'workerpool',
  'poolifier',
] as const;

/** Where and on what a run was measured. */
export interface Environment {
  readonly node: string;
  readonly v8: string;
  readonly uv: string;
  readonly os: string;
  readonly cpuModel: string;
  readonly cpus: number;
  readonly availableParallelism: number;
  readonly cpuQuota: CpuQuota;
  readonly effectiveCpus: number;
  readonly totalMemoryMb: number;
  readonly execArgv: readonly string[];
  readonly uvThreadpoolSize: string | null;
  readonly loadavgStart: readonly number[];
  loadavgEnd: readonly number[];
  readonly packages: Readonly<Record<string, string>>;
  readonly gitSha: string | null;
}

const require = createRequire(import.meta.url);

function findVersion(name: string): string {
  try {
    let directory = dirname(require.resolve(name));
    for (let depth = 0; depth < 6; depth++) {
      try {
        const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (manifest.name === name) return manifest.version ?? 'unknown';
      } catch {
        // no package.json at this level
      }
      directory = dirname(directory);
    }
  } catch {
    // not installed
  }
  return 'not installed';
}

function readGitSha(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/** Captures the environment at the start of a run. */
export function captureEnvironment(): Environment {
  const cpuQuota = readCpuQuota();
  const parallelism = os.availableParallelism();
  return {
    node: process.versions.node,
    v8: process.versions.v8,
    uv: process.versions.uv ?? 'unknown',
    os: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cpus: os.cpus().length,
    availableParallelism: parallelism,
    cpuQuota,
    effectiveCpus: computeEffectiveCpus(parallelism, cpuQuota),
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    execArgv: process.execArgv,
    uvThreadpoolSize: process.env['UV_THREADPOOL_SIZE'] ?? null,
    loadavgStart: os.loadavg(),
    loadavgEnd: [],
    packages: Object.fromEntries(RECORDED_PACKAGES.map((name) => [name, findVersion(name)])),
    gitSha: readGitSha(),
  };
}
