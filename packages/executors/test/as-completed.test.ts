// asCompleted(): done futures first, then completion order, and a TimeoutError naming the count.
import { describe, expect, it } from 'vitest';
import { TimeoutError } from '@concur/core';
import { Future, asCompleted, type CompletedFuture } from '@concur/executors';

describe('asCompleted', () => {
  it('yields finished futures first, then in completion order, each once', async () => {
    const [a, b, c] = [new Future<string>(), new Future<string>(), new Future<string>()];
    c.setResult('c');
    setTimeout(() => b.setResult('b'), 2);
    setTimeout(() => a.setException(new Error('a')), 15);
    const order: CompletedFuture<string>[] = [];
    for await (const future of asCompleted([a, b, c, c])) order.push(future);
    expect(order).toEqual([c, b, a]);
    expect(await order[0]!.result()).toBe('c');
  });

  it('throws a TimeoutError saying how many are unfinished', async () => {
    const [a, b, c] = [new Future<number>(), new Future<number>(), new Future<number>()];
    a.setResult(1);
    const seen: CompletedFuture<number>[] = [];
    const iterate = async () => {
      for await (const future of asCompleted([a, b, c], { timeout: 10 })) seen.push(future);
    };
    await expect(iterate()).rejects.toThrow(new TimeoutError('2 (of 3) futures unfinished'));
    expect(seen).toEqual([a]);
  });

  it('lets go of the futures when the loop breaks early', async () => {
    const [a, b] = [new Future<number>(), new Future<number>()];
    a.setResult(1);
    for await (const future of asCompleted([a, b])) {
      expect(future).toBe(a);
      break;
    }
    expect(b.removeDoneCallback(() => {})).toBe(false);
    b.setResult(2);
  });
});
