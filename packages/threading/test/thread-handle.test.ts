// The thread worker handle: runs tasks in real worker threads over the wire protocol, and
// reports crashes, errors, stops and kills exactly once.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThreadWorkerHandle, FORCE_TERMINATE_AFTER_MS } from '@concur/threading';
import { byId, fixtureUrl, killAllHandles, startHandle } from './helpers/handle-client.js';

const run = promisify(execFile);
const spec = (file: string, exportName: string) => ({ moduleUrl: fixtureUrl(file), exportName });

afterEach(async () => {
  vi.restoreAllMocks();
  await killAllHandles();
});

describe('createThreadWorkerHandle', () => {
  it('runs a task in a worker thread through the protocol', async () => {
    const client = startHandle({ name: 'echo-thread' }, { threadName: 'echo-thread' });
    expect(client.handle.kind).toBe('thread');
    expect(client.handle.name).toBe('echo-thread');
    const ready = await client.next((m) => m.type === 'ready');
    expect(ready).toMatchObject({ type: 'ready', identity: { threadName: 'echo-thread' } });
    expect(client.handle.state).toBe('running');
    client.handle.send({ type: 'run', id: 1, task: spec('echo.mjs', 'echo'), args: [{ a: [1] }] });
    client.handle.send({ type: 'run', id: 2, task: spec('echo.mjs', 'whoAmI'), args: [] });
    expect(await client.next(byId(1))).toEqual({ type: 'result', id: 1, value: { a: [1] } });
    expect(await client.next(byId(2))).toEqual({ type: 'result', id: 2, value: 'echo-thread' });
  });

  it('logs and ignores a message of unknown shape from the worker', async () => {
    const writes: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    const client = startHandle({ name: 'noisy' });
    await client.next((m) => m.type === 'ready');
    const task = spec('post-invalid.mjs', 'postInvalid');
    client.handle.send({ type: 'run', id: 1, task, args: [] });
    expect(await client.next()).toEqual({ type: 'result', id: 1, value: 'posted' });
    expect(writes.join('')).toContain(
      'concur: ignored a message of unknown shape from thread worker `noisy`: {"type":"result","id":"not-a-number"}',
    );
  });

  it('reports the exit code once when a task calls process.exit', async () => {
    const client = startHandle();
    await client.next((m) => m.type === 'ready');
    client.handle.send({ type: 'run', id: 1, task: spec('exit-with.mjs', 'exitWith'), args: [7] });
    expect(await client.exited()).toEqual({ exitCode: 7, signal: null });
    expect(client.exits).toHaveLength(1);
    expect(client.handle.state).toBe('stopped');
    expect(() => client.handle.send({ type: 'stop' })).toThrow(/stopped/);
  });

  it('reports an uncaught exception outside any task to onError, then the exit', async () => {
    const client = startHandle();
    await client.next((m) => m.type === 'ready');
    const task = spec('throw.mjs', 'throwLater');
    client.handle.send({ type: 'run', id: 1, task, args: ['boom outside'] });
    const exit = await client.exited();
    expect(exit.exitCode).toBe(1);
    expect(client.errors.map((e) => e.message)).toEqual(['boom outside']);
    expect(client.exits).toHaveLength(1);
  });

  it('reports ERR_WORKER_OUT_OF_MEMORY to onError when resourceLimits are exceeded', async () => {
    const client = startHandle({ resourceLimits: { maxOldGenerationSizeMb: 16 } });
    await client.next((m) => m.type === 'ready');
    const task = spec('allocate-forever.mjs', 'allocateForever');
    client.handle.send({ type: 'run', id: 1, task, args: [] });
    const exit = await client.exited();
    expect(exit.exitCode).not.toBe(0);
    expect(client.errors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual([
      'ERR_WORKER_OUT_OF_MEMORY',
    ]);
  });

  it('throws synchronously on an unserializable message and keeps the worker usable', async () => {
    const client = startHandle();
    await client.next((m) => m.type === 'ready');
    const task = spec('echo.mjs', 'echo');
    expect(() => client.handle.send({ type: 'run', id: 1, task, args: [() => 1] })).toThrow(
      /could not be cloned/,
    );
    client.handle.send({ type: 'run', id: 2, task, args: ['still here'] });
    expect(await client.next(byId(2))).toEqual({ type: 'result', id: 2, value: 'still here' });
  });

  it('stops gracefully: running tasks finish, then the thread exits with code 0', async () => {
    const client = startHandle();
    await client.next((m) => m.type === 'ready');
    client.handle.send({ type: 'run', id: 1, task: spec('echo.mjs', 'echo'), args: ['last'] });
    const exit = await client.handle.stop();
    expect(exit).toEqual({ exitCode: 0, signal: null });
    expect(await client.next(byId(1))).toEqual({ type: 'result', id: 1, value: 'last' });
    expect(client.exits).toEqual([exit]);
    expect(await client.handle.stop()).toBe(exit);
  });

  it('terminates a thread that does not stop within forceAfterMs', async () => {
    const client = startHandle();
    await client.next((m) => m.type === 'ready');
    client.handle.send({ type: 'run', id: 1, task: spec('forever.mjs', 'forever'), args: [] });
    const exit = await client.handle.stop({ forceAfterMs: 20 });
    expect(exit).toEqual({ exitCode: 1, signal: null });
    expect(client.exits).toHaveLength(1);
    expect(FORCE_TERMINATE_AFTER_MS).toBeGreaterThan(0);
  });

  it('kills a busy thread now', async () => {
    const client = startHandle();
    await client.next((m) => m.type === 'ready');
    client.handle.send({ type: 'run', id: 1, task: spec('forever.mjs', 'forever'), args: [] });
    expect(await client.handle.kill()).toEqual({ exitCode: 1, signal: null });
    expect(await client.handle.kill()).toEqual({ exitCode: 1, signal: null });
    expect(client.exits).toHaveLength(1);
  });

  it('loads a .ts task file when execArgv asks for tsx (Node 20 ignores --import in threads)', async () => {
    const client = startHandle({ execArgv: ['--import', 'tsx'] });
    await client.next((m) => m.type === 'ready');
    const task = spec('typed-echo.ts', 'typedEcho');
    client.handle.send({ type: 'run', id: 1, task, args: [{ tag: 'ok' }] });
    expect(await client.next(byId(1))).toEqual({ type: 'result', id: 1, value: 'ts:ok' });
  });

  it('lets an idle, unreferenced worker never keep a process alive', async () => {
    const script = fileURLToPath(fixtureUrl('idle-unref-handle.mjs'));
    const { stdout } = await run(process.execPath, [script], { timeout: 20_000 });
    expect(stdout.trim()).toBe('ready idle-worker');
  });

  it('validates its options with the one message template', () => {
    expect(() => createThreadWorkerHandle({ name: '' })).toThrow(
      'Expected the `name` option to be a non-empty string, got `""` (string).',
    );
    expect(() => createThreadWorkerHandle({ name: 'x', execArgv: [1] as never })).toThrow(
      /`execArgv` option to be an array of strings/,
    );
    expect(() =>
      createThreadWorkerHandle({ name: 'x', resourceLimits: { stackSizeMb: -1 } }),
    ).toThrow(/`resourceLimits.stackSizeMb` option to be a positive number/);
    expect(() => createThreadWorkerHandle({ name: 'x', nmae: 'y' } as never)).toThrow(
      /Unknown option `nmae`/,
    );
  });

  it('reports a Worker that cannot be created as onError then onExit, asynchronously', async () => {
    const client = startHandle({ execArgv: ['--no-such-node-flag'] });
    expect(client.exits).toEqual([]);
    expect(await client.exited()).toEqual({ exitCode: 1, signal: null });
    expect(client.errors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual([
      'ERR_WORKER_INVALID_EXEC_ARGV',
    ]);
    expect(client.handle.state).toBe('stopped');
  });

  it('refuses to start twice or without a listener', async () => {
    const handle = createThreadWorkerHandle({ name: 'no-listener' });
    expect(() => handle.start({ type: 'init' })).toThrow(/before setListener/);
    const client = startHandle();
    await client.next((m) => m.type === 'ready');
    expect(() => client.handle.start({ type: 'init' })).toThrow(/it is running/);
  });
});
