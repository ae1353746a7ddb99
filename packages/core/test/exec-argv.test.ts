// Which Node flags workers inherit.
import { describe, expect, it } from 'vitest';
import { getInheritableExecArgv } from '@concur/core';

describe('getInheritableExecArgv', () => {
  it('keeps loaders and runtime flags, drops what says what to run', () => {
    expect(
      getInheritableExecArgv([
        '--import',
        'tsx',
        '--max-old-space-size=512',
        '--input-type=module',
        '--eval',
        'console.log(1)',
        '-p',
        '1 + 1',
        '--enable-source-maps',
        '--watch',
      ]),
    ).toEqual(['--import', 'tsx', '--max-old-space-size=512', '--enable-source-maps']);
    expect(getInheritableExecArgv(['--input-type', 'module', '-e', 'x', '--no-warnings'])).toEqual([
      '--no-warnings',
    ]);
  });
});
