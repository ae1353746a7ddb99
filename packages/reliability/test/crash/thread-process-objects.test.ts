// Crash rows for the Thread and Process objects (Python's threading.Thread and
// multiprocessing.Process): a target that exits, throws from a timer or is killed by a signal
// still lets join() settle within a bound, with Python's exit code, and leaves nothing alive.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Thread } from '@concur/threading';
import { Process } from '@concur/multiprocessing';
import { exitWith, signalSelf } from '../fixtures/exit-with.mjs';
import { throwLater } from '../fixtures/throw.mjs';
import { recordFigure } from '../../src/figures/record-figure.js';
import { findDescendants, waitUntil } from '../helpers/children.js';
import { CHILDREN_GONE_WITHIN_MS, SETTLE_BOUND_MS } from '../helpers/crash-scenario.js';

afterEach(() => {
  vi.restoreAllMocks();
});

async function joinWithin(join: Promise<void>): Promise<'joined' | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    join.then(() => 'joined' as const),
    new Promise<'pending'>((resolve) => {
      timer = setTimeout(() => resolve('pending'), SETTLE_BOUND_MS);
    }),
  ]);
  clearTimeout(timer);
  return result;
}

const cases = [
  {
    kind: 'Thread',
    label: 'process.exit(3)',
    make: () => new Thread({ target: exitWith, args: [3] }),
    exitCode: undefined,
  },
  {
    kind: 'Thread',
    label: 'uncaught error in a timer',
    make: () => new Thread({ target: throwLater, args: [5] }),
    exitCode: undefined,
  },
  {
    kind: 'Process',
    label: 'process.exit(3)',
    make: () => new Process({ target: exitWith, args: [3] }),
    exitCode: 3,
  },
  {
    kind: 'Process',
    label: 'uncaught error in a timer',
    make: () => new Process({ target: throwLater, args: [5] }),
    exitCode: 1,
  },
  {
    kind: 'Process',
    label: 'SIGKILL (from the target)',
    make: () => new Process({ target: signalSelf, args: ['SIGKILL'] }),
    exitCode: -9,
  },
  {
    kind: 'Process',
    label: 'SIGSEGV (from the target)',
    make: () => new Process({ target: signalSelf, args: ['SIGSEGV'] }),
    exitCode: -11,
  },
] as const;

describe('Thread and Process objects whose target crashes', () => {
  it.each(cases)('$kind: $label lets join() settle', async (c) => {
    // The thread excepthook and the child's own report print the crash; keep the log quiet.
    const printed: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    const startedAt = performance.now();
    const object = c.make();
    object.start();
    const joined = await joinWithin(object.join());
    const ms = Math.round(performance.now() - startedAt);
    const exitCode = object instanceof Process ? object.exitCode : undefined;
    const gone =
      c.kind === 'Process'
        ? await waitUntil(() => findDescendants().length === 0, CHILDREN_GONE_WITHIN_MS)
        : true;
    recordFigure({
      section: 'crash',
      subject: `${c.kind} object: ${c.label}`,
      values: {
        injected: 1,
        error: exitCode === undefined ? 'excepthook, join() resolves' : `exitCode ${exitCode}`,
        settledMs: ms,
        leftBehind: object.isAlive() ? 1 : 0,
        pending: joined === 'pending' ? 1 : 0,
        ok: joined === 'joined' && !object.isAlive() && gone && exitCode === c.exitCode,
      },
    });
    expect(joined).toBe('joined');
    expect(object.isAlive()).toBe(false);
    expect(exitCode).toBe(c.exitCode);
    expect(gone).toBe(true);
    // Python's default excepthook report names the thread that died.
    if (c.kind === 'Thread') expect(printed.join('')).toMatch(/Exception in thread Thread-\d+/);
  });
});
