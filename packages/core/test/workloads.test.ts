// The tutorial's functions and the calibrated workloads: same names, deterministic outputs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  allocate,
  calibrateSpin,
  checksumBytes,
  cpuTask,
  fileTask,
  httpTask,
  printLetters,
  printNumbers,
  spin,
  square,
  startLoopbackServer,
  transformBytes,
  worker,
} from '@concur/core/workloads';

describe('tutorial workloads', () => {
  it('cpuTask sums i * n below 10**6 like the tutorial', () => {
    expect(cpuTask(0)).toBe(0);
    expect(cpuTask(3)).toBe(3 * 499_999_500_000);
    expect(cpuTask(2, 10)).toBe(90);
  });

  it('square sleeps then squares', async () => {
    const start = performance.now();
    expect(await square(7, 20)).toBe(49);
    expect(performance.now() - start).toBeGreaterThanOrEqual(15);
  });

  it('printNumbers, printLetters and worker print the tutorial lines', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await Promise.all([printNumbers(1), printLetters(1)]);
      await worker(4, 1);
      const lines = log.mock.calls.map((call) => call[0]);
      expect(lines.filter((l) => l.startsWith('Number'))).toEqual([
        'Number: 1',
        'Number: 2',
        'Number: 3',
        'Number: 4',
        'Number: 5',
      ]);
      expect(lines.filter((l) => l.startsWith('Letter'))).toEqual([
        'Letter: A',
        'Letter: B',
        'Letter: C',
        'Letter: D',
        'Letter: E',
      ]);
      expect(lines.slice(-2)).toEqual(['MainProcess working on 4', 'MainProcess done.']);
    } finally {
      log.mockRestore();
    }
  });
});

describe('calibrated workloads', () => {
  it('spin and allocate are deterministic and depend on their inputs', () => {
    expect(spin(10_000, 3)).toBe(spin(10_000, 3));
    expect(spin(10_000, 3)).not.toBe(spin(10_001, 3));
    expect(allocate(1000, 5)).toBe(allocate(1000, 5));
    expect(allocate(1000, 5)).not.toBe(allocate(1000, 6));
  });

  it('calibrateSpin gives a positive rate', () => {
    expect(calibrateSpin(5).iterationsPerMs).toBeGreaterThan(0);
  });

  it('transformBytes returns the requested size deterministically', () => {
    const input = new Uint8Array([1, 2, 3, 250]);
    expect(transformBytes(input).byteLength).toBe(4);
    expect(transformBytes(input, 10).byteLength).toBe(10);
    expect(checksumBytes(transformBytes(input, 10))).toBe(checksumBytes(transformBytes(input, 10)));
  });

  it('fileTask writes and reads back in a temporary directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'concur-core-'));
    try {
      const sum = await fileTask(dir, 1, 300);
      expect(sum).toBe(await fileTask(dir, 1, 300));
      expect(sum).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('httpTask fetches from the loopback server', async () => {
    const server = await startLoopbackServer();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await httpTask(`${server.url}/?delay=2&bytes=123`)).toBe(123);
    } finally {
      await server.close();
    }
  });
});
