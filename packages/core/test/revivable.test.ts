// Revivable arguments: encoded as marks, rebuilt as working objects in a real worker thread.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeRevivables, encodeRevivables, resolveTaskSpec } from '@concur/core';
import { CounterBox } from './fixtures/counter-box.mjs';
import { incrementAll } from './fixtures/revive-tasks.mjs';
import { byId, startWorker, type WorkerClient } from './helpers/worker-client.js';

describe('encodeRevivables / decodeRevivables', () => {
  it('leaves values without revivables untouched (same array)', () => {
    const values = [1, { a: [2] }, new Uint8Array(2)];
    const encoded = encodeRevivables(values, 'thread');
    expect(encoded.revivable).toBe(false);
    expect(encoded.values).toBe(values);
  });

  it('round-trips nested revivables through structured clone', async () => {
    const box = new CounterBox();
    const { values, revivable } = encodeRevivables([{ list: [box, box] }, 'x'], 'thread');
    expect(revivable).toBe(true);
    const decoded = (await decodeRevivables(structuredClone(values))) as [
      { list: CounterBox[] },
      string,
    ];
    expect(decoded[1]).toBe('x');
    expect(decoded[0].list[0]).toBeInstanceOf(CounterBox);
    decoded[0].list[0]!.increment();
    expect(box.value).toBe(1);
  });

  it('refuses to send shared memory to a process, naming the argument', () => {
    expect(() => encodeRevivables(['ok', { lock: new CounterBox() }], 'process')).toThrow(
      /Expected argument 2\.lock to be sendable to a child process.*Shared memory does not cross processes/,
    );
  });
});

describe('revivable arguments in a worker thread', () => {
  let client: WorkerClient;
  afterEach(async () => {
    await client?.close();
  });

  it('rebuilds them as working objects sharing memory with the sender', async () => {
    client = startWorker('thread');
    await client.init();
    const box = new CounterBox();
    const { values } = encodeRevivables([{ list: [box, box] }, 5], 'thread');
    client.send({
      type: 'run',
      id: 1,
      task: await resolveTaskSpec(incrementAll),
      args: values,
      revive: true,
    });
    expect(await client.next(byId(1))).toMatchObject({
      type: 'result',
      value: ['CounterBox', 'CounterBox'],
    });
    expect(box.value).toBe(10);
  });
});
