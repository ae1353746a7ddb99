// Parses and validates the command line once, at the boundary, into resolved options that
// inner code uses without further checks. Bad flags get the one message template.
import { isAbsolute, resolve } from 'node:path';
import { formatExpectation } from '@concur/core';
import { PROFILE_NAMES, type ProfileName } from './profiles.js';

/** The resolved command line. */
export interface CliOptions {
  readonly help: boolean;
  readonly profile: ProfileName;
  /** Substrings; a configuration runs when its id contains any (empty: everything). */
  readonly filter: readonly string[];
  /** Worker counts for scaling; the largest is the pool size elsewhere. Absent: derived. */
  readonly workers: readonly number[] | undefined;
  readonly seed: number;
  /** Absolute output directory. */
  readonly out: string;
  /** Absolute path of a baseline JSON to compare with. */
  readonly compare: string | undefined;
  /** A user task: absolute module path and export name. */
  readonly workload: { readonly path: string; readonly exportName: string } | undefined;
  /** Absolute path of a results JSON to re-render without measuring. */
  readonly render: string | undefined;
  /** Overrides the profile's round count. */
  readonly rounds: number | undefined;
}

const VALUE_FLAGS = [
  '--profile',
  '--filter',
  '--workers',
  '--seed',
  '--out',
  '--compare',
  '--workload',
  '--render',
  '--rounds',
] as const;
const BOOLEAN_FLAGS = ['--help'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** The default seed, so two runs without `--seed` shuffle identically. */
export const DEFAULT_SEED = 20_240_601;

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

function closest(flag: string): string {
  const known = [...VALUE_FLAGS, ...BOOLEAN_FLAGS];
  const best = known
    .map((candidate) => ({ candidate, distance: editDistance(flag, candidate) }))
    .sort((a, b) => a.distance - b.distance)[0]!;
  return best.distance <= 2 ? ` Did you mean \`${best.candidate}\`?` : '';
}

function parseIntegerList(flag: string, text: string, minimum: number): number[] {
  const parts = text.split(',');
  const numbers = parts.map(Number);
  if (text === '' || numbers.some((n) => !Number.isInteger(n) || n < minimum)) {
    throw new TypeError(
      formatExpectation(
        flag,
        `a comma-separated list of integers ≥ ${minimum} (e.g. \`1,2,4\`)`,
        text,
      ),
    );
  }
  return numbers;
}

function parseInteger(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < minimum) {
    throw new TypeError(formatExpectation(flag, `an integer ≥ ${minimum}`, text));
  }
  return value;
}

function parseWorkload(text: string, cwd: string): CliOptions['workload'] {
  const hash = text.lastIndexOf('#');
  if (hash <= 0 || hash === text.length - 1 || !/^[A-Za-z_$][\w$]*$/.test(text.slice(hash + 1))) {
    throw new TypeError(
      formatExpectation(
        '--workload',
        'a module path and an export name like `./my-task.js#crunch`',
        text,
      ),
    );
  }
  const path = text.slice(0, hash);
  return { path: isAbsolute(path) ? path : resolve(cwd, path), exportName: text.slice(hash + 1) };
}

/**
 * Parses `argv` (without `node` and the script).
 * @param cwd - where relative paths resolve (the package directory under Nx).
 * @param defaultOut - the output directory when `--out` is absent.
 * @throws TypeError for an unknown flag, a missing value or a bad value, naming the flag.
 * @example
 * parseArgs(['--profile', 'smoke'], process.cwd(), 'bench-results').profile; // 'smoke'
 */
export function parseArgs(argv: readonly string[], cwd: string, defaultOut: string): CliOptions {
  const values: Partial<Record<ValueFlag, string>> = {};
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    if (argument === '--') continue;
    if (argument === '--help' || argument === '-h') {
      help = true;
      continue;
    }
    const equals = argument.indexOf('=');
    const flag = equals > 0 ? argument.slice(0, equals) : argument;
    if (!(VALUE_FLAGS as readonly string[]).includes(flag)) {
      throw new TypeError(
        `Unknown argument \`${argument}\`.${closest(flag)} Run with --help to list the flags.`,
      );
    }
    let value: string | undefined = equals > 0 ? argument.slice(equals + 1) : argv[++i];
    if (value === undefined || (equals < 0 && value.startsWith('--'))) {
      throw new TypeError(`The \`${flag}\` flag needs a value, e.g. \`${flag} <value>\`.`);
    }
    if (values[flag as ValueFlag] !== undefined) {
      throw new TypeError(`The \`${flag}\` flag was given twice.`);
    }
    values[flag as ValueFlag] = value;
    value = undefined;
  }
  const profile = values['--profile'] ?? 'quick';
  if (!(PROFILE_NAMES as readonly string[]).includes(profile)) {
    throw new TypeError(
      formatExpectation(
        '--profile',
        `one of ${PROFILE_NAMES.map((p) => `\`${p}\``).join(', ')}`,
        profile,
      ),
    );
  }
  const filterText = values['--filter'];
  if (filterText !== undefined && filterText.trim() === '') {
    throw new TypeError(
      formatExpectation('--filter', 'a non-empty comma-separated list of names', filterText),
    );
  }
  const toPath = (path: string | undefined): string | undefined =>
    path === undefined ? undefined : isAbsolute(path) ? path : resolve(cwd, path);
  return {
    help,
    profile: profile as ProfileName,
    filter:
      filterText === undefined
        ? []
        : filterText
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    workers:
      values['--workers'] === undefined
        ? undefined
        : parseIntegerList('--workers', values['--workers'], 1),
    seed:
      values['--seed'] === undefined ? DEFAULT_SEED : parseInteger('--seed', values['--seed'], 0),
    out: toPath(values['--out']) ?? resolve(cwd, defaultOut),
    compare: toPath(values['--compare']),
    workload:
      values['--workload'] === undefined ? undefined : parseWorkload(values['--workload'], cwd),
    render: toPath(values['--render']),
    rounds:
      values['--rounds'] === undefined
        ? undefined
        : parseInteger('--rounds', values['--rounds'], 1),
  };
}

/** The `--help` text. */
export const HELP_TEXT = `Usage: npx nx run bench-runner:bench [-- flags]
       node dist/cli.js [flags]

Benchmarks sequential code, the event loop, worker threads and child processes (concur's
executors, raw worker_threads / child processes, piscina, tinypool, workerpool, poolifier)
on this machine and writes JSON, Markdown and SVG reports.

Flags:
  --profile smoke|quick|full|scaling  how much to measure (default: quick, a few minutes)
  --filter a,b        only configurations whose id contains one of these substrings
                      (scenario ids: tutorial-cpu, tutorial-square, cpu-scaling, crossover,
                      io, overheads, peers, custom; or strategy names, e.g. piscina)
  --workers 1,2,4     worker counts for the scaling scenario; the largest is the pool size
                      elsewhere (default: derived from the effective CPUs)
  --seed N            seed for the random order and the bootstrap (default: ${DEFAULT_SEED})
  --rounds N          override the profile's number of rounds
  --out DIR           where reports go (default: bench-results/ in the package)
  --compare FILE      compare speedups with a previous results.json; exit 1 on a
                      significant regression
  --workload FILE#EXPORT  benchmark your own exported task(i) across every model
  --render FILE       re-render reports from a results.json without measuring
  --help              show this text
`;
