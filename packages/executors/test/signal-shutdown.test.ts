// SIGINT / SIGTERM of a parent with busy pools, in real scripts: queued work is cancelled,
// running tasks finish, workers stop, and the process still ends by the signal; past the
// grace period the workers are killed; an application listening itself keeps its pools.
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./fixtures/signal-parent.mjs', import.meta.url));
/** How long a script may take to start, be signalled and end, in ms (wide: loaded CI). */
const SCRIPT_BOUND_MS = 30_000;

const scripts: ResultPromise[] = [];
afterEach(() => {
  for (const script of scripts.splice(0)) script.kill('SIGKILL');
});

interface Ending {
  lines: string[];
  stderr: string;
  signal: string | undefined;
  exitCode: number | undefined;
}

/** Runs the script, and once it printed `ready` sends `signal` (to its whole group for Ctrl-C). */
async function signalWhenReady(
  args: string[],
  signal: NodeJS.Signals,
  { group = false } = {},
): Promise<Ending> {
  const script = execa(process.execPath, [SCRIPT, ...args], {
    reject: false,
    timeout: SCRIPT_BOUND_MS,
    detached: group, // its own process group, as a terminal's foreground job
    env: { FORCE_COLOR: '0' },
  });
  scripts.push(script);
  script.stdout!.on('data', (data: Buffer) => {
    if (!data.toString().includes('ready')) return;
    // The tasks were submitted in the tick that printed `ready`; give them a moment to start.
    setTimeout(() => {
      if (group) process.kill(-script.pid!, signal);
      else script.kill(signal);
    }, 150);
  });
  const result = await script;
  return {
    lines: String(result.stdout).split('\n').filter(Boolean).sort(),
    stderr: String(result.stderr),
    signal: result.signal,
    exitCode: result.exitCode,
  };
}

describe.each(['thread', 'process'] as const)('a %s pool in a signalled script', (kind) => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`lets running tasks finish, cancels queued ones, then ends by ${signal}`, async () => {
      const ending = await signalWhenReady([kind, '600', 'default'], signal);
      expect(ending.lines).toEqual(['c failed: CancelledError', 'done a', 'done b', 'ready']);
      expect(ending.signal).toBe(signal);
      expect(ending.stderr).toContain(`concur: ${signal}: letting 2 running tasks finish`);
    });
  }

  it('kills tasks still running when the grace period is over', async () => {
    const ending = await signalWhenReady([kind, '60000', '300'], 'SIGTERM');
    expect(ending.lines).toEqual([
      'a failed: WorkerCrashedError',
      'b failed: WorkerCrashedError',
      'c failed: CancelledError',
      'ready',
    ]);
    expect(ending.signal).toBe('SIGTERM');
  });

  it('keeps serving when the application listens for the signal itself', async () => {
    const ending = await signalWhenReady([kind, '300', 'default', 'own'], 'SIGTERM');
    expect(ending.lines).toEqual([
      'after the signal: d',
      'app got SIGTERM',
      'app shut down',
      'done a',
      'done b',
      'done c',
      'ready',
    ]);
    expect(ending.exitCode).toBe(0);
  });
});

describe('Ctrl-C (SIGINT to the whole process group)', () => {
  it('does not kill process-pool workers under their running tasks', async () => {
    const ending = await signalWhenReady(['process', '600', 'default'], 'SIGINT', { group: true });
    expect(ending.lines).toEqual(['c failed: CancelledError', 'done a', 'done b', 'ready']);
    expect(ending.signal).toBe('SIGINT');
  });
});
