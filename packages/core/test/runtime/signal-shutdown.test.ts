// The SIGINT / SIGTERM shutdown of live pools, driven through a fake pool in a real script
// (a signal to the test runner itself would end it) plus its in-process bookkeeping.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SIGNAL_SHUTDOWN_TIMEOUT_MS,
  addSignalShutdown,
  configureSignalShutdown,
} from '@concur/core';

const SCRIPT = fileURLToPath(new URL('../fixtures/signal-participant.mjs', import.meta.url));
/** How long a script may take to start and end, in ms (wide: loaded CI machines). */
const SCRIPT_BOUND_MS = 20_000;

interface Ending {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  elapsedMs: number;
}

const running: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

/** Starts the script in `mode`, sends `signals` (one per `ready`-relative step), returns its end. */
function signalScript(mode: string, signals: NodeJS.Signals[]): Promise<Ending> {
  const child = spawn(process.execPath, [SCRIPT, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let stdout = '';
  let stderr = '';
  let signalledAt = 0;
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  child.stdout.on('data', (data: Buffer) => {
    const first = stdout === '';
    stdout += data.toString();
    if (!first || !stdout.startsWith('ready')) return;
    signalledAt = performance.now();
    for (const [index, signal] of signals.entries()) {
      setTimeout(() => child.kill(signal), index * 100);
    }
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`script still running: ${stdout}`)),
      SCRIPT_BOUND_MS,
    );
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code, signal, elapsedMs: performance.now() - signalledAt });
    });
  });
}

describe('signal shutdown of live pools', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`closes pools gracefully on ${signal}, then ends the process by that signal`, async () => {
      const ending = await signalScript('graceful', [signal]);
      expect(ending.stdout.split('\n').filter(Boolean)).toEqual(['ready', 'close', 'closed']);
      expect(ending.signal).toBe(signal);
      expect(ending.stderr).toContain(`concur: ${signal}: letting 2 running tasks finish`);
    });
  }

  it('terminates the workers once the grace period (`timeout`) is over', async () => {
    const ending = await signalScript('hang', ['SIGTERM']);
    expect(ending.stdout.split('\n').filter(Boolean)).toEqual(['ready', 'close', 'terminate']);
    expect(ending.signal).toBe('SIGTERM');
    expect(ending.elapsedMs).toBeGreaterThanOrEqual(250);
  });

  it('terminates at once on a second signal', async () => {
    const ending = await signalScript('hang-default', ['SIGINT', 'SIGINT']);
    expect(ending.stdout.split('\n').filter(Boolean)).toEqual(['ready', 'close', 'terminate']);
    expect(ending.signal).toBe('SIGINT');
    expect(ending.elapsedMs).toBeLessThan(SIGNAL_SHUTDOWN_TIMEOUT_MS);
  });

  it('leaves pools alone when the application listens for the signal itself', async () => {
    const ending = await signalScript('own-listener', ['SIGTERM']);
    expect(ending.stdout.split('\n').filter(Boolean)).toEqual(['ready', 'app got SIGTERM']);
    expect(ending.code).toBe(0);
  });

  it('keeps Node’s default when disabled: the signal ends the process at once', async () => {
    const ending = await signalScript('disabled', ['SIGTERM']);
    expect(ending.stdout.split('\n').filter(Boolean)).toEqual(['ready']);
    expect(ending.signal).toBe('SIGTERM');
  });
});

describe('signal listeners', () => {
  it('exist only while a pool is registered', () => {
    const before = process.listenerCount('SIGINT');
    const leave = addSignalShutdown({
      countRunningTasks: () => 0,
      close: async () => undefined,
      terminate: async () => undefined,
    });
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    expect(process.listenerCount('SIGTERM')).toBeGreaterThan(0);
    leave();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});

describe('configureSignalShutdown', () => {
  it.each([
    [
      { timeout: -1 },
      /Expected the `timeout` option to be a non-negative number of milliseconds or Infinity, got `-1` \(number\)/,
    ],
    [{ enabled: 'yes' }, /Expected the `enabled` option to be a boolean, got `"yes"` \(string\)/],
    [
      { timout: 5 },
      /Unknown option `timout` for configureSignalShutdown\(\)\. Did you mean `timeout`\?/,
    ],
  ])('rejects %o with a TypeError that names the option', (options, message) => {
    expect(() => configureSignalShutdown(options as never)).toThrow(TypeError);
    expect(() => configureSignalShutdown(options as never)).toThrow(message);
  });
});
