// Regression: stopping a child right after start (before or just as it reports ready) used to
// crash Node's IPC internals in the child ("Cannot set properties of null (setting
// 'Symbol(kPendingMessages)')"), so it exited with code 1 instead of 0.
import { describe, expect, it } from 'vitest';
import { createProcessWorkerHandle, type ProcessWorkerHandle } from '@concur/multiprocessing';

describe('process worker handle stopped while starting', () => {
  it('exits cleanly with code 0', async () => {
    const handles: ProcessWorkerHandle[] = [];
    try {
      const exits = [];
      for (let i = 0; i < 3; i++) {
        const handle = createProcessWorkerHandle({ name: `early-${i}` });
        handles.push(handle);
        handle.setListener({ onMessage: () => {}, onExit: () => {} });
        handle.start({ type: 'init' });
        exits.push(handle.stop());
      }
      expect(await Promise.all(exits)).toEqual([
        { exitCode: 0, signal: null },
        { exitCode: 0, signal: null },
        { exitCode: 0, signal: null },
      ]);
    } finally {
      await Promise.all(handles.map((handle) => handle.kill()));
    }
  });
});
