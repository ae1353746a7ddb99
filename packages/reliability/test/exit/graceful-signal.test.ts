// SIGTERM / SIGINT of a parent whose pool is busy: the running tasks finish and deliver their
// results, the queued one is cancelled (its future settles), the workers stop, no child is
// left, and the parent still ends by its signal. Ctrl-C is SIGINT to the whole process group.
import { describe, expect, it } from 'vitest';
import { recordFigure } from '../../src/figures/record-figure.js';
import { findDescendants, isAlive, waitUntil } from '../helpers/children.js';
import { CHILDREN_GONE_WITHIN_MS, useExitScripts } from '../helpers/exit-scripts.js';

const { run, orphans } = useExitScripts();

const CASES = [
  { kind: 'thread', signal: 'SIGTERM', group: false },
  { kind: 'thread', signal: 'SIGINT', group: false },
  { kind: 'process', signal: 'SIGTERM', group: false },
  { kind: 'process', signal: 'SIGINT', group: false },
  { kind: 'process', signal: 'SIGINT', group: true },
  { kind: 'Pool', signal: 'SIGTERM', group: false },
  { kind: 'Pool', signal: 'SIGINT', group: true },
] as const;

describe('a parent with a busy pool gets a signal', () => {
  for (const { kind, signal, group } of CASES) {
    const how = group ? `${signal} to its process group (Ctrl-C)` : signal;
    const pool = kind === 'Pool' ? 'multiprocessing Pool' : `${kind} pool`;
    it(`${pool}, ${how}: running tasks finish, the queued one is cancelled, it ends by ${signal}`, async () => {
      const parent = run('graceful-parent.mjs', [kind], { detached: group });
      await new Promise<void>((resolve) =>
        parent.stdout!.on('data', (data: Buffer) => data.toString().includes('ready') && resolve()),
      );
      await new Promise((resolve) => setTimeout(resolve, 100)); // the two tasks are running
      const children = kind === 'thread' ? [] : findDescendants(parent.pid);
      orphans.push(...children);
      const signalledAt = performance.now();
      if (group) process.kill(-parent.pid!, signal);
      else parent.kill(signal);
      const result = await parent;
      const exitedMs = Math.round(performance.now() - signalledAt);
      const allGone = await waitUntil(
        () => children.every((pid) => !isAlive(pid)),
        CHILDREN_GONE_WITHIN_MS,
      );
      const lines = String(result.stdout).split('\n');
      const finished = lines.filter((line) => line.startsWith('finished running-')).length;
      const cancelled = lines.includes('CancelledError queued');
      recordFigure({
        section: 'exit',
        subject: `${pool} busy, parent gets ${how}`,
        values: {
          exitCode: String(result.signal),
          exitedMs,
          runningFinished: `${finished}/2`,
          queuedCancelled: cancelled,
          childrenAliveAfter2s: children.filter(isAlive).length,
          ok: finished === 2 && cancelled && allGone && result.signal === signal,
        },
      });
      expect(lines.filter(Boolean).sort()).toEqual([
        'CancelledError queued',
        'finished running-1',
        'finished running-2',
        'ready',
      ]);
      expect(result.signal).toBe(signal);
      expect(allGone).toBe(true);
    });
  }
});
