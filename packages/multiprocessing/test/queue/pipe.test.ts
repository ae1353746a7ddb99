// Pipe and Connection: in one process, across a child, one-way pipes, end of file when the
// other end closes or its process exits, and the owner process going away.
import { InvalidStateError } from '@concur/core';
import { Connection, EOFError, Pipe, Process } from '@concur/multiprocessing';
import { describe, expect, it } from 'vitest';
import { doubler, sendAndLeave } from '../fixtures/queue-tasks.mjs';

describe('Pipe in one process', () => {
  it('sends both ways, in order, copying objects', async () => {
    const [a, b] = Pipe<{ n: number } | string>();
    expect(a).toBeInstanceOf(Connection);
    const message = { n: 1 };
    a.send(message);
    message.n = 2;
    a.send('second');
    b.send('back');
    expect(await b.recv()).toEqual({ n: 1 });
    expect(await b.recv()).toBe('second');
    expect(await a.recv()).toBe('back');
  });

  it('poll answers whether there is something to read, waiting up to the timeout', async () => {
    const [a, b] = Pipe<number>();
    expect(await b.poll()).toBe(false);
    expect(await b.poll(10)).toBe(false);
    setTimeout(() => a.send(7), 5);
    expect(await b.poll(10_000)).toBe(true);
    expect(await b.recv()).toBe(7);
  });

  it('fails recv with EOFError once the other end is closed and drained', async () => {
    const [a, b] = Pipe<number>();
    a.send(1);
    a.close();
    expect(await b.recv()).toBe(1);
    await expect(b.recv()).rejects.toBeInstanceOf(EOFError);
    await expect(b.recv()).rejects.toThrow(/other end of the pipe is closed/);
    expect(await b.poll()).toBe(true);
    expect(() => a.send(2)).toThrow(InvalidStateError);
  });

  it('wakes a waiting recv with EOFError when the other end closes', async () => {
    const [a, b] = Pipe<number>();
    const waiting = b.recv();
    a.close();
    await expect(waiting).rejects.toBeInstanceOf(EOFError);
  });

  it('is one-way when duplex is false', async () => {
    const [reader, writer] = Pipe<number>(false);
    expect([reader.readable, reader.writable, writer.readable, writer.writable]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(() => reader.send(1)).toThrow(/one-way/);
    writer.send(1);
    expect(await reader.recv()).toBe(1);
    expect(() => Pipe('yes' as never)).toThrow('Expected the `duplex` argument to be a boolean');
  });

  it('rejects an unserializable object', () => {
    const [a] = Pipe<unknown>();
    expect(() => a.send(Symbol('x'))).toThrow(
      /Cannot send the object through the pipe: .*could not be cloned/,
    );
  });
});

describe('Pipe across processes', () => {
  it('talks to a child through its end', async () => {
    const [parentEnd, childEnd] = Pipe<number | null>();
    const child = new Process({ target: doubler, args: [childEnd] });
    child.start();
    for (const n of [1, 2, 3]) parentEnd.send(n);
    expect([await parentEnd.recv(), await parentEnd.recv(), await parentEnd.recv()]).toEqual([
      2, 4, 6,
    ]);
    parentEnd.send(null);
    await expect(parentEnd.recv()).rejects.toBeInstanceOf(EOFError);
    await child.join();
    expect(child.exitCode).toBe(0);
  });

  it('reaches end of file when the child holding the other end exits without closing it', async () => {
    const [parentEnd, childEnd] = Pipe<string>();
    const child = new Process({ target: sendAndLeave, args: [childEnd] });
    child.start();
    await child.join();
    expect(await parentEnd.recv()).toBe('first');
    expect(await parentEnd.recv()).toBe('second');
    await expect(parentEnd.recv()).rejects.toBeInstanceOf(EOFError);
  });
});
