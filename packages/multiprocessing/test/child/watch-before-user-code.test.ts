// The orphan watchdog starts once: just after the loop answered `init`, or before the first
// request that runs user code (an initializer, a task) reaches the loop.
import type { Transport } from '@concur/core';
import { describe, expect, it, vi } from 'vitest';
import { watchBeforeUserCode } from '../../src/child/watch-before-user-code.js';

function fakeTransport() {
  let deliver: ((message: unknown) => void) | undefined;
  const transport: Transport = {
    send: vi.fn(),
    onMessage: (handler) => (deliver = handler),
    setReferenced: vi.fn(),
    close: vi.fn(),
  };
  return { transport, deliver: (message: unknown) => deliver?.(message) };
}

const spec = { moduleUrl: 'file:///tasks.mjs', exportName: 'f' };

describe('watchBeforeUserCode', () => {
  it('starts nothing for stop, abort or a message that is not a request', () => {
    const { transport, deliver } = fakeTransport();
    const start = vi.fn();
    const seen: unknown[] = [];
    watchBeforeUserCode(transport, start).onMessage((message) => seen.push(message));
    for (const message of [{ type: 'abort', id: 1 }, { type: 'stop' }, null, 7]) deliver(message);
    expect(start).not.toHaveBeenCalled();
    expect(seen).toHaveLength(4);
  });

  it('starts it once, right after the loop handled a plain init (ready is sent then)', () => {
    const { transport, deliver } = fakeTransport();
    const order: string[] = [];
    const start = vi.fn(() => order.push('watchdog'));
    watchBeforeUserCode(transport, start).onMessage((message) =>
      order.push((message as { type: string }).type),
    );
    deliver({ type: 'init' });
    deliver({ type: 'run', id: 1, task: spec, args: [] });
    deliver({ type: 'runs', task: spec, ids: [2], argsList: [[]] });
    expect(order).toEqual(['init', 'watchdog', 'run', 'runs']);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts it before an initializer runs', () => {
    const { transport, deliver } = fakeTransport();
    const order: string[] = [];
    const start = vi.fn(() => order.push('watchdog'));
    watchBeforeUserCode(transport, start).onMessage(() => order.push('init'));
    deliver({ type: 'init', initializer: spec, initargs: [] });
    expect(order).toEqual(['watchdog', 'init']);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts it before a task that arrives without an init', () => {
    const { transport, deliver } = fakeTransport();
    const order: string[] = [];
    watchBeforeUserCode(transport, () => order.push('watchdog')).onMessage(() => order.push('run'));
    deliver({ type: 'run', id: 1, task: spec, args: [] });
    expect(order).toEqual(['watchdog', 'run']);
  });

  it('passes send, setReferenced and close through', () => {
    const { transport } = fakeTransport();
    const wrapped = watchBeforeUserCode(transport, vi.fn());
    wrapped.send({ type: 'ready' });
    wrapped.setReferenced?.(false);
    wrapped.close();
    expect(transport.send).toHaveBeenCalledWith({ type: 'ready' }, undefined);
    expect(transport.setReferenced).toHaveBeenCalledWith(false);
    expect(transport.close).toHaveBeenCalledTimes(1);
  });
});
