// Process: real children, exit codes and signals, identity, subclasses, daemons, errors.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidStateError } from '@concur/core';
import {
  activeChildren,
  currentProcess,
  isMainModule,
  isMainProcess,
  parentProcess,
  Process,
} from '@concur/multiprocessing';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { exitWith } from './fixtures/exit-with.mjs';
import { forever } from './fixtures/forever.mjs';
import { checkTypes } from './fixtures/process-tasks.mjs';
import { sleepThen } from './fixtures/sleep.mjs';

const parentScript = fileURLToPath(new URL('./fixtures/process-parent.mjs', import.meta.url));
const runParent = (scenario: string) =>
  execa('node', [parentScript, scenario], { reject: false, timeout: 20_000 });

const created: Process[] = [];
function track<P extends Process>(p: P): P {
  created.push(p);
  return p;
}
afterEach(async () => {
  for (const p of created.splice(0)) {
    if (p.state === 'started') {
      p.kill();
      await p.join();
    }
  }
});

// A dead child not yet reaped by PID 1 is a zombie (state Z): it runs nothing any more.
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z';
  } catch {
    return true;
  }
}

describe('Process', () => {
  it('runs a target and reports exit code 0; exitCode is null until then', async () => {
    const p = track(new Process({ target: sleepThen, args: [20, 'v'] }));
    expect(p.name).toMatch(/^Process-\d+$/);
    expect(p.exitCode).toBeNull();
    expect(p.pid).toBeNull();
    p.start();
    expect(p.isAlive()).toBe(true);
    expect(p.pid).toEqual(expect.any(Number));
    expect(activeChildren()).toContain(p);
    await p.join();
    expect(p.isAlive()).toBe(false);
    expect(p.exitCode).toBe(0);
    expect(activeChildren()).not.toContain(p);
  });

  it('numbers default names in order', () => {
    const a = new Process({ target: sleepThen });
    const b = new Process({ target: sleepThen });
    const number = (p: Process) => Number(p.name.split('-')[1]);
    expect(number(b)).toBe(number(a) + 1);
  });

  it('reports the exit status of a child that calls process.exit', async () => {
    const p = track(new Process({ target: exitWith, args: [7] }));
    p.start();
    await p.join();
    expect(p.exitCode).toBe(7);
  });

  it('gives exitCode -9 after kill() and -15 after terminate() of a busy child', async () => {
    const killed = track(new Process({ target: forever }));
    const terminated = track(new Process({ target: forever }));
    killed.start();
    terminated.start();
    killed.kill();
    terminated.terminate();
    await Promise.all([killed.join(), terminated.join()]);
    expect(killed.exitCode).toBe(-9);
    expect(terminated.exitCode).toBe(-15);
  });

  it('returns from join(timeout) while the child still runs', async () => {
    const p = track(new Process({ target: forever }));
    p.start();
    await p.join(30);
    expect(p.isAlive()).toBe(true);
    expect(p.exitCode).toBeNull();
  });

  it('carries Maps, Dates, typed arrays and errors in args', async () => {
    const p = track(
      new Process({
        target: checkTypes,
        args: [
          new Map([['k', 1]]),
          new Date(5),
          new Float64Array([1, 2.5]),
          new RangeError('carried'),
        ],
      }),
    );
    p.start();
    await p.join();
    expect(p.exitCode).toBe(0);
  });

  it('rejects an unserializable argument at start(), naming it', () => {
    const p = new Process({ target: sleepThen, args: [1, () => 'nope'] as never });
    expect(() => p.start()).toThrow(
      /Cannot send argument 2 \(`args\[1\]`\) of `Process-\d+` to the child process: .*could not be cloned/,
    );
    expect(p.state).toBe('initial');
  });

  it('validates options and the target', () => {
    expect(() => new Process({ target: (() => 1) as never })).toThrow(
      /`target` argument to be a task.*defineTask/s,
    );
    expect(() => new Process({ target: sleepThen, daemon: 'yes' as never })).toThrow(
      'Expected the `daemon` option to be a boolean, got `"yes"` (string).',
    );
    expect(() => new Process({ target: sleepThen, args: 3 as never })).toThrow(
      'Expected the `args` option to be an array, got `3` (number).',
    );
    expect(() => new Process({ targte: sleepThen } as never)).toThrow(
      /Unknown option `targte`.*`target`/,
    );
    expect(() => new Process().start()).toThrow(/has nothing to run/);
  });

  it('enforces its lifecycle: one start, join after start, close only when stopped', async () => {
    const p = track(new Process({ target: sleepThen, args: [10, 1] }));
    await expect(p.join()).rejects.toBeInstanceOf(InvalidStateError);
    p.start();
    expect(() => p.start()).toThrow(InvalidStateError);
    expect(() => p.close()).toThrow(/still running/);
    await p.join();
    p.close();
    expect(() => p.isAlive()).toThrow(/is closed/);
    expect(() => p.exitCode).toThrow(InvalidStateError);
  });

  it('knows the main process', () => {
    expect(currentProcess()).toEqual({ name: 'MainProcess', pid: process.pid });
    expect(parentProcess()).toBeNull();
    expect(isMainProcess()).toBe(true);
    expect(isMainModule(import.meta.url)).toBe(false);
  });
});

describe('Process end to end (a parent script)', () => {
  it('names children, and they see their parent', async () => {
    const { stdout, exitCode } = await runParent('names');
    expect(exitCode).toBe(0);
    const parentPid = /parent pid=(\d+)/.exec(stdout)![1];
    for (const n of [1, 2, 3]) {
      expect(stdout).toMatch(
        new RegExp(`child ${n}: Process-${n} pid=\\d+ main=false parent=MainProcess/${parentPid}`),
      );
    }
  });

  it('prints an exception in the child like Python and exits with 1', async () => {
    const { stdout, stderr } = await runParent('throw');
    expect(stderr).toMatch(/^Process Process-1:\nTypeError: boom from the child\n\s+at /m);
    expect(stdout).toContain('exitCode=1');
  });

  it('rebuilds a registered subclass in the child without rerunning its constructor', async () => {
    const { stdout, stderr } = await runParent('subclass');
    expect(stderr).toBe('');
    expect(stdout).toContain('Counter-1 counts from 41 tag=teal constructed=0 instance=true');
    expect(stdout).toContain('exitCode=0');
  });

  it('leaves no Pool worker or Process behind when the parent is SIGKILLed', async () => {
    const script = fileURLToPath(new URL('./fixtures/orphan-parent.mjs', import.meta.url));
    const parent = execa('node', [script], { reject: false, buffer: false });
    const pids = await new Promise<number[]>((resolve) => {
      let text = '';
      parent.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /pids ([\d ]+)\n/.exec(text);
        if (match) resolve(match[1]!.trim().split(' ').map(Number));
      });
    });
    expect(pids.length).toBeGreaterThanOrEqual(3);
    expect(pids.every(isAlive)).toBe(true);
    parent.kill('SIGKILL');
    await parent;
    let polls = 0;
    while (pids.some(isAlive) && polls < 40) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      polls++;
    }
    expect(pids.filter(isAlive)).toEqual([]);
  });

  it('ends a daemon child when the parent exits', async () => {
    const { stdout, exitCode } = await runParent('daemon');
    expect(exitCode).toBe(0);
    const pid = Number(/daemon (\d+)/.exec(stdout)![1]);
    let polls = 0;
    while (isAlive(pid) && polls < 40) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      polls++;
    }
    expect(isAlive(pid)).toBe(false);
  });

  it("delivers all of a child's stdout and stderr, even when it exits right after writing", async () => {
    const { stdout, stderr, exitCode } = await runParent('big-output');
    expect(exitCode).toBe(0);
    expect(stdout).toHaveLength(1_000_000 + '\nEND OF CHILD OUTPUT'.length);
    expect(stdout.endsWith('END OF CHILD OUTPUT')).toBe(true);
    expect(stderr).toBe('child stderr line');
  });

  it('keeps the parent alive while it joins a daemon child', async () => {
    const { stdout, exitCode } = await runParent('daemon-join');
    expect(exitCode).toBe(0);
    expect(stdout).toBe('daemon joined 0');
  });

  it('keeps the parent alive until a non-daemon child exits', async () => {
    const { stdout, exitCode } = await runParent('non-daemon');
    expect(exitCode).toBe(0);
    expect(stdout.split('\n')).toEqual(['parent reached the end', 'child exited 0']);
  });
});
