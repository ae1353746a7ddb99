// The `@concur/core/serve` subpath hands entry files the very same functions as the main
// entry (one module instance: identity set through one is what the other reports).
import * as core from '@concur/core';
import * as entry from '@concur/core/serve';
import { describe, expect, it } from 'vitest';

describe('@concur/core/serve', () => {
  it('exports the main entry’s loop, transports and identity setter, not copies', () => {
    expect(entry.serve).toBe(core.serve);
    expect(entry.createProcessTransport).toBe(core.createProcessTransport);
    expect(entry.createMessagePortTransport).toBe(core.createMessagePortTransport);
    expect(entry.setWorkerIdentity).toBe(core.setWorkerIdentity);
  });

  it('sets the identity that the main entry reports', () => {
    const before = core.getWorkerIdentity().processName;
    try {
      entry.setWorkerIdentity({ processName: 'Subpath-1' });
      expect(core.getWorkerIdentity().processName).toBe('Subpath-1');
    } finally {
      entry.setWorkerIdentity({ processName: before });
    }
  });
});
