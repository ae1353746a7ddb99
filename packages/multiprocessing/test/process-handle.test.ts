// The process worker handle: real children, the wire protocol, exits, signals, no orphans.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkerExit, WorkerHandle, WorkerResponse } from '@concur/core';
import { createProcessWorkerHandle } from '@concur/multiprocessing';
import { execa } from 'execa';
import { afterEach, describe, expect, it, vi } from 'vitest';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).href;
const task = (file: string, exportName: string) => ({ moduleUrl: fixture(file), exportName });

interface Harness {
  handle: WorkerHandle;
  messages: WorkerResponse[];
  exits: WorkerExit[];
  next(predicate: (message: WorkerResponse) => boolean): Promise<WorkerResponse>;
  exited: Promise<WorkerExit>;
}

const started: WorkerHandle[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((handle) => handle.kill()));
  vi.restoreAllMocks();
});

function startHandle(name = 'Test-1'): Harness {
  const handle = createProcessWorkerHandle({ name });
  const messages: WorkerResponse[] = [];
  const exits: WorkerExit[] = [];
  const waiters: {
    predicate: (m: WorkerResponse) => boolean;
    resolve: (m: WorkerResponse) => void;
  }[] = [];
  let resolveExit!: (exit: WorkerExit) => void;
  const exited = new Promise<WorkerExit>((resolve) => (resolveExit = resolve));
  handle.setListener({
    onMessage(message) {
      const flat = message.type === 'results' ? message.responses : [message];
      for (const one of flat) {
        messages.push(one);
        for (const waiter of [...waiters]) {
          if (waiter.predicate(one)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(one);
          }
        }
      }
    },
    onExit(exit) {
      exits.push(exit);
      resolveExit(exit);
    },
  });
  handle.start({ type: 'init', processName: name });
  started.push(handle);
  const next = (predicate: (message: WorkerResponse) => boolean) => {
    const found = messages.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<WorkerResponse>((resolve) => waiters.push({ predicate, resolve }));
  };
  return { handle, messages, exits, next, exited };
}

const settledFor = (id: number) => (message: WorkerResponse) =>
  (message.type === 'result' || message.type === 'error') && message.id === id;

describe('createProcessWorkerHandle', () => {
  it('starts a named child that reports ready with its identity', async () => {
    const { handle, next } = startHandle('Named-7');
    expect(handle.kind).toBe('process');
    expect(handle.state).toBe('starting');
    const ready = await next((m) => m.type === 'ready');
    expect(ready.type === 'ready' && ready.identity.processName).toBe('Named-7');
    expect(ready.type === 'ready' && ready.identity.pid).not.toBe(process.pid);
    expect(handle.state).toBe('running');
  });

  it('carries Maps, Dates, typed arrays and errors intact both ways', async () => {
    const { handle, next } = startHandle();
    const value = {
      map: new Map([[1, 'one']]),
      date: new Date(0),
      bytes: new Uint8Array([1, 2, 3]),
      error: new TypeError('inside'),
    };
    handle.send({ type: 'run', id: 1, task: task('echo.mjs', 'echo'), args: [value] });
    const reply = await next(settledFor(1));
    expect(reply.type).toBe('result');
    const echoed = (reply as { value: typeof value }).value;
    expect(echoed.map.get(1)).toBe('one');
    expect(echoed.date.getTime()).toBe(0);
    expect([...echoed.bytes]).toEqual([1, 2, 3]);
    expect(echoed.bytes).toBeInstanceOf(Uint8Array);
    expect(echoed.error).toBeInstanceOf(TypeError);
    expect(echoed.error.message).toBe('inside');
  });

  it('reports a thrown error as an error response', async () => {
    const { handle, next } = startHandle();
    handle.send({ type: 'run', id: 2, task: task('throw.mjs', 'throwRange'), args: ['bad'] });
    const reply = await next(settledFor(2));
    expect(reply.type).toBe('error');
    expect(JSON.stringify(reply)).toContain('RangeError');
  });

  it('throws synchronously, naming the problem, for an unserializable message', async () => {
    const { handle, next } = startHandle();
    expect(() =>
      handle.send({ type: 'run', id: 3, task: task('echo.mjs', 'echo'), args: [() => 1] }),
    ).toThrow(/Cannot send a `run` message to `Test-1`.*could not be cloned/s);
    handle.send({ type: 'run', id: 4, task: task('echo.mjs', 'echo'), args: ['still fine'] });
    expect(await next(settledFor(4))).toMatchObject({ type: 'result', value: 'still fine' });
  });

  it('logs and ignores a message of unknown shape', async () => {
    const writes: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk, ...rest) => {
      writes.push(String(chunk));
      return original(chunk, ...(rest as []));
    });
    const { handle, next, messages } = startHandle();
    handle.send({ type: 'run', id: 5, task: task('send-unknown.mjs', 'sendUnknown'), args: [] });
    await next(settledFor(5));
    expect(writes.join('')).toContain('ignored a message of unknown shape from `Test-1`');
    expect(messages.map((m) => m.type)).not.toContain('bogus');
  });

  it('stops gracefully after running tasks finish, reporting the exit once', async () => {
    const { handle, next, exits } = startHandle();
    await next((m) => m.type === 'ready');
    handle.send({ type: 'run', id: 6, task: task('sleep.mjs', 'sleepThen'), args: [30, 'late'] });
    const exit = await handle.stop();
    expect(exit).toEqual({ exitCode: 0, signal: null });
    expect(await next(settledFor(6))).toMatchObject({ value: 'late' });
    expect(handle.state).toBe('stopped');
    expect(await handle.stop()).toEqual(exit);
    expect(exits).toHaveLength(1);
  });

  it('terminates a busy child with SIGTERM after forceAfterMs', async () => {
    const { handle, next, exits } = startHandle();
    await next((m) => m.type === 'ready');
    handle.send({ type: 'run', id: 7, task: task('forever.mjs', 'forever'), args: [] });
    const exit = await handle.stop({ forceAfterMs: 50 });
    expect(exit).toEqual({ exitCode: null, signal: 'SIGTERM' });
    expect(exits).toEqual([exit]);
  });

  it('kills with SIGKILL at once', async () => {
    const { handle, next, exited } = startHandle();
    await next((m) => m.type === 'ready');
    handle.send({ type: 'run', id: 8, task: task('forever.mjs', 'forever'), args: [] });
    expect(await handle.kill()).toEqual({ exitCode: null, signal: 'SIGKILL' });
    expect(await exited).toEqual({ exitCode: null, signal: 'SIGKILL' });
  });

  it('reports the exit code of a child that exits mid-task', async () => {
    const { handle, exited, messages } = startHandle();
    handle.send({ type: 'run', id: 9, task: task('exit-with.mjs', 'exitWith'), args: [3] });
    expect(await exited).toEqual({ exitCode: 3, signal: null });
    expect(messages.some(settledFor(9))).toBe(false);
  });

  it('validates its options', () => {
    expect(() => createProcessWorkerHandle({ name: '' })).toThrow(
      'Expected the `name` option to be a non-empty string, got `""` (string).',
    );
    expect(() =>
      createProcessWorkerHandle({ name: 'x', nmae: 'y' } as unknown as { name: string }),
    ).toThrow(/Unknown option `nmae`/);
  });
});

describe('process lifetime', () => {
  const parentScript = fileURLToPath(fixture('handle-parent.mjs'));
  // A dead child whose new parent (PID 1 in a container) has not reaped it yet is a zombie
  // (state `Z` in /proc): it has exited and runs nothing, so it counts as gone.
  const isAlive = (pid: number) => {
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z';
    } catch {
      return true; // no /proc (not Linux): kill(pid, 0) succeeded
    }
  };

  it('leaves no child behind when the parent is SIGKILLed', async () => {
    const parent = execa('node', [parentScript, 'hold'], { reject: false, buffer: false });
    const pid = await new Promise<number>((resolve) => {
      parent.stdout.on('data', (chunk: Buffer) => {
        const match = /child (\d+)/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      });
    });
    expect(isAlive(pid)).toBe(true);
    parent.kill('SIGKILL');
    await parent;
    // Counters, not clocks: poll for up to ~2 s for the child to notice and exit.
    let polls = 0;
    while (isAlive(pid) && polls < 40) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      polls++;
    }
    expect(isAlive(pid), `still alive after ${polls} polls`).toBe(false);
  });

  it('lets the parent exit while an unreferenced child idles', async () => {
    const result = await execa('node', [parentScript, 'unref'], { reject: false, timeout: 15_000 });
    expect(result.timedOut).toBe(false);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/child \d+/);
  });
});
