// Command-line validation: defaults, every flag, and clear errors naming the flag.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, parseArgs } from '@concur/bench-runner';

const parse = (...argv: string[]) => parseArgs(argv, '/work/pkg', 'bench-results');

describe('parseArgs', () => {
  it('defaults to the quick profile, no filter and the package output directory', () => {
    const options = parse();
    expect(options).toMatchObject({
      profile: 'quick',
      filter: [],
      seed: DEFAULT_SEED,
      help: false,
    });
    expect(options.out).toBe('/work/pkg/bench-results');
    expect(options.workers).toBeUndefined();
  });

  it('reads every flag, with a space or an equals sign, and skips the `--` separator', () => {
    const options = parse(
      '--',
      '--profile',
      'smoke',
      '--filter=peers,tutorial-cpu',
      '--workers',
      '1,2,4',
      '--seed=7',
      '--out',
      'out',
      '--compare',
      '/tmp/base.json',
      '--workload',
      './task.js#crunch',
      '--rounds',
      '3',
    );
    expect(options).toMatchObject({
      profile: 'smoke',
      filter: ['peers', 'tutorial-cpu'],
      workers: [1, 2, 4],
      seed: 7,
      out: '/work/pkg/out',
      compare: '/tmp/base.json',
      workload: { path: '/work/pkg/task.js', exportName: 'crunch' },
      rounds: 3,
    });
  });

  it('recognises --help and -h', () => {
    expect(parse('--help').help).toBe(true);
    expect(parse('-h').help).toBe(true);
  });

  it('rejects an unknown profile with the one message template', () => {
    expect(() => parse('--profile', 'fast')).toThrow(
      'Expected the `--profile` option to be one of `smoke`, `quick`, `full`, `scaling`, got `"fast"` (string).',
    );
  });

  it('rejects an unknown flag and suggests the closest one', () => {
    expect(() => parse('--wrkers', '2')).toThrow(
      /Unknown argument `--wrkers`\. Did you mean `--workers`\?/,
    );
    expect(() => parse('--colour')).toThrow(/Unknown argument `--colour`\. Run with --help/);
  });

  it('rejects a flag without a value and a flag given twice', () => {
    expect(() => parse('--seed')).toThrow('The `--seed` flag needs a value');
    expect(() => parse('--out', '--seed', '1')).toThrow('The `--out` flag needs a value');
    expect(() => parse('--seed', '1', '--seed', '2')).toThrow('given twice');
  });

  it('rejects bad numbers, naming the flag and the received text', () => {
    expect(() => parse('--workers', '0,2')).toThrow(/`--workers` option .* got `"0,2"`/);
    expect(() => parse('--workers', '2,x')).toThrow(TypeError);
    expect(() => parse('--seed', '-1')).toThrow(/`--seed` option to be an integer ≥ 0/);
    expect(() => parse('--rounds', '0')).toThrow(/`--rounds` option to be an integer ≥ 1/);
    expect(() => parse('--filter', ' ')).toThrow(/`--filter` option/);
  });

  it('requires a module path and an export name for --workload', () => {
    expect(() => parse('--workload', 'task.js')).toThrow(
      /`--workload` option .*`\.\/my-task\.js#crunch`/,
    );
    expect(() => parse('--workload', 'task.js#')).toThrow(TypeError);
    expect(() => parse('--workload', 'task.js#1bad')).toThrow(TypeError);
  });
});
