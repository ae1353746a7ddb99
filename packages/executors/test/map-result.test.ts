// map over generators on real pools: with no chunksize, items share worker messages (counted
// through the request each item ran in), results stay in order and errors stay in place.
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_AUTO_CHUNKSIZE,
  ProcessPoolExecutor,
  ThreadPoolExecutor,
  type PoolExecutor,
} from '@concur/executors';
import { failAt, tagRequest } from './fixtures/tag-request.mjs';

const ITEMS = 20_000;

function* count(n: number) {
  for (let i = 0; i < n; i++) yield i;
}

describe.each([
  ['ThreadPoolExecutor', () => new ThreadPoolExecutor({ maxWorkers: 2 })],
  ['ProcessPoolExecutor', () => new ProcessPoolExecutor({ maxWorkers: 2 })],
])('%s.map over a generator without a chunksize', (_, create) => {
  const executors: PoolExecutor[] = [];
  const make = () => {
    const executor = create();
    executors.push(executor);
    return executor;
  };
  afterEach(async () => {
    await Promise.all(executors.splice(0).map((e) => e.shutdown({ cancelFutures: true })));
  });

  it('sends many items per worker message, first results alone, in order', async () => {
    const executor = make();
    const results = await executor.map(tagRequest, count(ITEMS));
    expect(results.map((result) => result.value)).toEqual([...count(ITEMS)]);
    const requests = new Set(results.map((result) => result.request));
    // One message per item would be 20,000; slow start to 512 items needs about a hundred.
    expect(requests.size).toBeLessThan(ITEMS / 4);
    expect(results[0]!.request).not.toBe(results[1]!.request);
  });

  it('raises a task error in order: after earlier chunks, before anything later', async () => {
    const executor = make();
    const bad = 5_000;
    const seen: number[] = [];
    const iterate = async () => {
      const items = (function* () {
        for (const i of count(ITEMS)) yield [i, bad] as [number, number];
      })();
      for await (const value of executor.starmap(failAt, items)) seen.push(value);
    };
    await expect(iterate()).rejects.toThrow(`bad item ${bad}`);
    // The failing item's chunk fails as a whole, so its earlier items may be missing.
    expect(seen).toEqual([...count(seen.length)]);
    expect(seen.length).toBeLessThanOrEqual(bad);
    expect(seen.length).toBeGreaterThan(bad - MAX_AUTO_CHUNKSIZE);
  });
});
