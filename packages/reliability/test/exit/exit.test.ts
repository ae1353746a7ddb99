// Exit behaviour of whole scripts: an executor never shut down does not hold the process,
// submitted work completes before exit, and a killed or signalled parent leaves no child.
import { describe, expect, it } from 'vitest';
import { recordFigure } from '../../src/figures/record-figure.js';
import { findDescendants, isAlive, waitUntil } from '../helpers/children.js';
import { CHILDREN_GONE_WITHIN_MS, useExitScripts } from '../helpers/exit-scripts.js';

const { run, orphans } = useExitScripts();
const runScript = (name: string, ...args: string[]) => run(name, args);

describe.each(['thread', 'process'] as const)('a script using a %s pool', (kind) => {
  it('exits on its own when it never shuts its executor down', async () => {
    const startedAt = performance.now();
    const result = await runScript('never-shut-down.mjs', kind);
    const ms = Math.round(performance.now() - startedAt);
    recordFigure({
      section: 'exit',
      subject: `${kind} pool never shut down`,
      values: { exitCode: String(result.exitCode), exitedMs: ms, ok: result.exitCode === 0 },
    });
    expect(result.timedOut).toBe(false);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('results 2,4,6');
  });

  it('completes work it submitted and never awaited before exiting', async () => {
    const startedAt = performance.now();
    const result = await runScript('submit-and-return.mjs', kind);
    const ms = Math.round(performance.now() - startedAt);
    const lines = result.stdout.split('\n').sort();
    recordFigure({
      section: 'exit',
      subject: `${kind} pool, submit and return`,
      values: {
        exitCode: String(result.exitCode),
        exitedMs: ms,
        ok: result.exitCode === 0 && lines.length === 4,
      },
    });
    expect(result.exitCode).toBe(0);
    expect(lines).toEqual(['result 2', 'result 4', 'result 6', 'result 8']);
  });
});

describe.each(['idle', 'busy'] as const)('a process pool parent with %s children', (mode) => {
  for (const signal of ['SIGKILL', 'SIGTERM', 'SIGINT'] as const) {
    it(`leaves no child alive ${CHILDREN_GONE_WITHIN_MS} ms after the parent gets ${signal}`, async () => {
      const parent = runScript('pool-parent.mjs', mode);
      // Idle: the pool is ready. Busy: both children announced that their loop began.
      const awaited = mode === 'idle' ? /ready/ : /busy \d+[\s\S]*busy \d+/;
      let output = '';
      await new Promise<void>((resolve) => {
        parent.stdout!.on('data', (data: Buffer) => {
          output += data.toString();
          if (awaited.test(output)) resolve();
        });
      });
      expect(await waitUntil(() => findDescendants(parent.pid).length === 2, 10_000)).toBe(true);
      const children = findDescendants(parent.pid);
      orphans.push(...children);
      const signalledAt = performance.now();
      // The 'exit' event, not the result: a surviving child keeps the shared stdout pipe open.
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        parent.once('exit', (_code, exitSignal) => resolve(exitSignal)),
      );
      parent.kill(signal);
      const exitSignal = await exited;
      const allGone = await waitUntil(
        () => children.every((pid) => !isAlive(pid)),
        CHILDREN_GONE_WITHIN_MS,
      );
      const alive = children.filter(isAlive).length;
      recordFigure({
        section: 'exit',
        subject: `process pool parent gets ${signal}, children ${mode}`,
        values: {
          exitCode: String(exitSignal),
          exitedMs: Math.round(performance.now() - signalledAt),
          childrenAliveAfter2s: alive,
          ok: allGone && exitSignal === signal,
        },
      });
      expect(exitSignal).toBe(signal);
      expect(alive).toBe(0);
      parent.stdout!.destroy();
    });
  }
});
