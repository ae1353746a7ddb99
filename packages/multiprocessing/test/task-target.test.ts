// Tasks and Process subclasses defined in the main script itself, used with top-level
// await: the spawn-semantics case that needs `isMainModule` and lookup by source.
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

describe('tasks of the main script', () => {
  it('run in pools and processes while the script awaits at top level', async () => {
    const script = fileURLToPath(new URL('./fixtures/main-script.mjs', import.meta.url));
    const { stdout, stderr, exitCode } = await execa('node', [script], {
      reject: false,
      timeout: 30_000,
    });
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('module evaluated in MainProcess');
    expect(lines).toContain('#1 #2');
    expect(lines).toContainEqual(expect.stringMatching(/^Process-\d+ \| subclass in Process-\d+$/));
    expect(lines.at(-1)).toBe('exit codes 0 0');
    // Each child imported the script (spawn semantics) without running its main block.
    const evaluations = lines.filter((line) => line.startsWith('module evaluated in'));
    expect(evaluations).toHaveLength(4);
    expect(lines.filter((line) => line === '#1 #2')).toHaveLength(1);
  });
});
