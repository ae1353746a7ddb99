// Regression: a child that sent through a pipe and returned at once could exit before its
// frames left the socket (or before the socket had even connected), losing items. CI on a
// loaded machine lost the two items of the Pipe end-of-file test this way.
import { describe, expect, it } from 'vitest';
import { EOFError, Pipe, Process } from '@concur/multiprocessing';
import { floodAndLeave } from './fixtures/queue-tasks.mjs';

describe('a child that sends and returns at once', () => {
  it('delivers every item before the other end reads end of file', async () => {
    const [parentEnd, childEnd] = Pipe<string>();
    const child = new Process({ target: floodAndLeave, args: [childEnd, 400, 20_000] });
    child.start();
    await child.join();
    expect(child.exitCode).toBe(0);
    for (let i = 0; i < 400; i++) expect((await parentEnd.recv()).split(':')[0]).toBe(String(i));
    await expect(parentEnd.recv()).rejects.toBeInstanceOf(EOFError);
  });
});
