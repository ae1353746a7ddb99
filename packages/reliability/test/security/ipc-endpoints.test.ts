// IPC endpoints: a Queue/Pipe's Unix socket lives in a private 0700 directory that is removed
// when its process exits (on its own or by SIGTERM/SIGINT), and no TCP port is ever opened —
// neither by the script using queues and pipes, nor by this process running every pool kind.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { execa, type ResultPromise } from 'execa';
import { EventLoopExecutor, ProcessPoolExecutor, ThreadPoolExecutor } from '@concur/executors';
import { Thread } from '@concur/threading';
import { Pipe, Process, Queue } from '@concur/multiprocessing';
import { recordFigure } from '../../src/figures/record-figure.js';
import { countTcpSockets } from '../helpers/sockets.js';
import { pipeSend, produce } from '../fixtures/queue-tasks.mjs';
import { echo } from '../fixtures/echo.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** How long the script may take to start its pool and use the queue, in ms (loaded CI). */
const SCRIPT_BOUND_MS = 30_000;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function startScript(mode: 'exit' | 'wait'): { script: ResultPromise; temp: string } {
  // A short base: macOS's long tmpdir() would push the socket path past its 104-byte limit.
  const temp = mkdtempSync(join(process.platform === 'darwin' ? '/tmp' : tmpdir(), 'cr-'));
  const script = execa('node', ['queue-parent.mjs', mode], {
    cwd: FIXTURES,
    env: { TMPDIR: temp },
    reject: false,
    timeout: SCRIPT_BOUND_MS,
  });
  cleanups.push(() => {
    script.kill('SIGKILL');
    rmSync(temp, { recursive: true, force: true });
  });
  return { script, temp };
}

function waitForReady(script: ResultPromise): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    script.stdout!.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('ready')) resolve(output.trim());
    });
    script.once('exit', () => reject(new Error(`script exited before ready: ${output}`)));
  });
}

describe('Queue and Pipe endpoints', () => {
  for (const ending of ['exits on its own', 'SIGTERM', 'SIGINT'] as const) {
    it(`live in a private 0700 directory, removed when the process ${ending === 'exits on its own' ? 'exits on its own' : `gets ${ending}`}`, async () => {
      const { script, temp } = startScript(ending === 'exits on its own' ? 'exit' : 'wait');
      const ready = await waitForReady(script);
      expect(ready).toBe('ready 0,1,2 over the pipe');
      const directories = readdirSync(temp).filter((name) => name.startsWith('concur-'));
      expect(directories).toHaveLength(1);
      const directory = join(temp, directories[0]!);
      const stat = statSync(directory);
      const sockets = readdirSync(directory);
      const allSockets = sockets.every((name) => statSync(join(directory, name)).isSocket());
      const tcp = countTcpSockets(script.pid!);
      if (ending !== 'exits on its own') script.kill(ending);
      const result = await script;
      const left = readdirSync(temp);
      recordFigure({
        section: 'security',
        subject: `Queue/Pipe socket directory, process ${ending === 'exits on its own' ? 'exits' : `gets ${ending}`}`,
        values: {
          mode: (stat.mode & 0o777).toString(8),
          sockets: sockets.length,
          tcpSockets: tcp.all,
          removed: left.length === 0,
          ok: (stat.mode & 0o777) === 0o700 && tcp.all === 0 && left.length === 0,
        },
      });
      expect(stat.isDirectory()).toBe(true);
      expect(stat.mode & 0o777).toBe(0o700);
      expect(stat.uid).toBe(process.getuid!());
      expect(sockets.length).toBeGreaterThan(0);
      expect(allSockets).toBe(true);
      expect(tcp).toEqual({ all: 0, listening: 0 });
      expect(left).toEqual([]);
      // Removing the directory must not swallow the signal: the process still dies of it.
      if (ending === 'exits on its own') expect(result.exitCode).toBe(0);
      else expect(result.signal).toBe(ending);
    });
  }
});

describe('this process running every pool kind', () => {
  it('opens no TCP socket', async () => {
    const before = countTcpSockets();
    const threads = new ThreadPoolExecutor({ maxWorkers: 2 });
    const processes = new ProcessPoolExecutor({ maxWorkers: 2 });
    const loop = new EventLoopExecutor();
    const queue = new Queue<number>();
    const [reader, writer] = Pipe<string>();
    try {
      await Promise.all([
        threads.map(echo, [1, 2, 3]),
        processes.map(echo, [1, 2, 3]),
        loop.map(echo, [1, 2, 3]),
        processes.submit(produce, queue, 0, 5, 1),
        processes.submit(pipeSend, writer, 'x'),
      ]);
      expect(await queue.getMany(5)).toEqual([0, 1, 2, 3, 4]);
      expect(await reader.recv()).toBe('x');
      const thread = new Thread({ target: echo, args: [1] });
      thread.start();
      const child = new Process({ target: echo, args: [1] });
      child.start();
      const during = countTcpSockets();
      await thread.join();
      await child.join();
      recordFigure({
        section: 'security',
        subject: 'TCP sockets of the test process tree (all pools, Thread, Process, Queue, Pipe)',
        values: {
          before: before.all,
          during: during.all,
          listening: during.listening,
          ok: during.all === before.all && during.listening === 0,
        },
      });
      expect(during).toEqual(before);
      expect(during.listening).toBe(0);
    } finally {
      queue.close();
      reader.close();
      writer.close();
      await Promise.all([threads.shutdown(), processes.shutdown(), loop.shutdown()]);
    }
  });
});
