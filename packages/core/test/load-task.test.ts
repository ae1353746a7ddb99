// The worker's task lookup: once a module is loaded, every request's fresh copy of a spec
// finds its function synchronously, and the remembered last lookup never answers for a
// different export of the same module.
import { describe, expect, it } from 'vitest';
import { getLoadedTask, loadTask, type TaskSpec } from '@concur/core';

const moduleUrl = new URL('./fixtures/tasks.mjs', import.meta.url).href;
/** A fresh object each time, as structured clone delivers it with every request. */
const spec = (exportName: string): TaskSpec => ({ moduleUrl: `${moduleUrl}`, exportName });

describe('getLoadedTask', () => {
  it('returns nothing before the module is loaded, then the right function per export', async () => {
    expect(getLoadedTask(spec('echo'))).toBeUndefined();
    const echo = await loadTask(spec('echo'));
    const add = await loadTask(spec('add'));
    expect(echo).not.toBe(add);
    for (let i = 0; i < 3; i++) {
      expect(getLoadedTask(spec('echo'))).toBe(echo);
      expect(getLoadedTask(spec('echo'))).toBe(echo);
      expect(getLoadedTask(spec('add'))).toBe(add);
    }
    // Same module, an export never loaded: not the last hit.
    expect(getLoadedTask(spec('throwValue'))).toBeUndefined();
    expect(getLoadedTask({ moduleUrl: `${moduleUrl}?other`, exportName: 'echo' })).toBeUndefined();
  });
});
