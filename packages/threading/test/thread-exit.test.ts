// Python's exit semantics in a real child `node`: non-daemon threads keep the process alive
// until they end and none of their output is lost; daemon threads never keep it alive.
import { describe, expect, it } from 'vitest';
import { runScript } from './helpers/threads.js';

describe('process exit with threads', () => {
  it('waits for non-daemon threads after main ends, and keeps every line they print', async () => {
    const { stdout } = await runScript('exit-output.mjs', ['5']);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('main done');
    expect(lines.filter((l) => l.startsWith('Number: '))).toEqual(
      [1, 2, 3, 4, 5].map((n) => `Number: ${n}`),
    );
    expect(lines.filter((l) => l.startsWith('Letter: '))).toEqual(
      [...'ABCDE'].map((l) => `Letter: ${l}`),
    );
    expect(lines).toHaveLength(11);
  });

  it('lets the process exit while a daemon thread is still running', async () => {
    const { stdout } = await runScript('daemon-forever.mjs');
    expect(stdout.trim()).toBe('started daemon true');
  });

  it('keeps the process alive while a daemon thread is being joined', async () => {
    const { stdout } = await runScript('daemon-joined.mjs');
    expect(stdout.trim()).toBe('joined, alive: false');
  });

  it("loads a .ts target in a Thread's worker under `node --import tsx` (Node 20 workers ignore --import)", async () => {
    const { stdout, stderr } = await runScript('ts-target.mjs', [], ['--import', 'tsx']);
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toEqual(['typed from-ts', 'no exception']);
  });
});
