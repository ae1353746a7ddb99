// Soak: many tasks through each executor and 100,000 items through a multiprocessing Queue,
// nothing lost or duplicated, resident memory bounded; the RSS curve goes into the figures.
// CI size by default; CONCUR_SOAK=full submits 1,000,000 tasks one by one.
import { afterEach, describe, expect, it } from 'vitest';
import {
  EventLoopExecutor,
  ProcessPoolExecutor,
  ThreadPoolExecutor,
  type Executor,
} from '@concur/executors';
import { Queue } from '@concur/multiprocessing';
import { recordFigure } from '../../src/figures/record-figure.js';
import { square } from '../fixtures/echo.mjs';
import { produce } from '../fixtures/queue-tasks.mjs';
import { RssSampler } from '../helpers/rss-sampler.js';
import { findDescendants } from '../helpers/children.js';

const FULL = process.env.CONCUR_SOAK === 'full';
/** Items through `map` (chunksize {@link MAP_CHUNKSIZE}): 1,000,000 runs in seconds. */
const MAP_ITEMS = 1_000_000;
const MAP_CHUNKSIZE = 1_000;
/**
 * Tasks submitted one by one. Each is a message round trip (~100–200 µs on 2 cores), so
 * 1,000,000 would take minutes: CI runs 20,000, CONCUR_SOAK=full the full million.
 */
const SUBMITTED_TASKS = FULL ? 1_000_000 : 20_000;
/** Futures in flight at once while submitting (bounded, so memory measures the executor). */
const SUBMIT_WINDOW = 1_000;
/** Items through the Queue, and the producers' batch size (1 = one put per item in full mode). */
const QUEUE_ITEMS = 100_000;
const QUEUE_BATCH = FULL ? 1 : 100;
/** How much resident memory may grow during a soak, in MiB: generous for GC timing on CI. */
const RSS_GROWTH_BOUND_MIB = 384;
/** Samples taken per soak run. */
const SAMPLES = 20;

/** Every executor, seen through the shared contract (worker tasks run on all three). */
type AnyExecutor = Executor;
const makers: Record<string, () => AnyExecutor> = {
  ThreadPoolExecutor: () => new ThreadPoolExecutor({ maxWorkers: 2 }),
  ProcessPoolExecutor: () => new ProcessPoolExecutor({ maxWorkers: 2 }),
  EventLoopExecutor: () => new EventLoopExecutor() as Executor,
};

const open: AnyExecutor[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((executor) => executor.shutdown()));
  expect(findDescendants()).toEqual([]);
});

function* numbers(count: number): Generator<number> {
  for (let n = 0; n < count; n++) yield n;
}

describe('memory samples', () => {
  it('follow a full garbage collection (vitest runs this suite with --expose-gc)', () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('function');
  });
});

describe.each(Object.keys(makers))('%s soak', (name) => {
  it(`maps ${MAP_ITEMS} items (chunksize ${MAP_CHUNKSIZE}) in order, none lost, memory bounded`, async () => {
    const executor = makers[name]!();
    open.push(executor);
    const rss = new RssSampler();
    const startedAt = performance.now();
    let index = 0;
    let wrong = 0;
    for await (const value of executor.map(square, numbers(MAP_ITEMS), {
      chunksize: MAP_CHUNKSIZE,
    })) {
      if (value !== index * index) wrong++;
      index++;
      if (index % (MAP_ITEMS / SAMPLES) === 0) rss.sample();
    }
    const ms = performance.now() - startedAt;
    recordFigure({
      section: 'soak',
      subject: `${name} map ×${MAP_ITEMS} (chunksize ${MAP_CHUNKSIZE})`,
      values: {
        items: index,
        lostOrWrong: MAP_ITEMS - index + wrong,
        seconds: Number((ms / 1000).toFixed(1)),
        perSecond: Math.round(index / (ms / 1000)),
        rssGrowthMiB: Math.round(rss.growth),
        ok: index === MAP_ITEMS && wrong === 0 && rss.growth <= RSS_GROWTH_BOUND_MIB,
      },
      curve: rss.samples,
    });
    expect(index).toBe(MAP_ITEMS);
    expect(wrong).toBe(0);
    expect(rss.growth).toBeLessThanOrEqual(RSS_GROWTH_BOUND_MIB);
  });

  it(`runs ${SUBMITTED_TASKS} submitted tasks, each result exactly once, memory bounded`, async () => {
    const executor = makers[name]!();
    open.push(executor);
    const rss = new RssSampler();
    const seen = new Uint8Array(SUBMITTED_TASKS);
    let wrong = 0;
    const startedAt = performance.now();
    for (let base = 0; base < SUBMITTED_TASKS; base += SUBMIT_WINDOW) {
      const window = [];
      for (let n = base; n < Math.min(SUBMITTED_TASKS, base + SUBMIT_WINDOW); n++) {
        window.push(executor.submit(square, n).then((value) => [n, value] as const));
      }
      for (const [n, value] of await Promise.all(window)) {
        seen[n]!++;
        if (value !== n * n) wrong++;
      }
      if ((base / SUBMIT_WINDOW) % Math.max(1, SUBMITTED_TASKS / SUBMIT_WINDOW / SAMPLES) === 0) {
        rss.sample();
      }
    }
    const ms = performance.now() - startedAt;
    const lost = seen.filter((count) => count === 0).length;
    const duplicated = seen.filter((count) => count > 1).length;
    recordFigure({
      section: 'soak',
      subject: `${name} submit ×${SUBMITTED_TASKS}`,
      values: {
        items: SUBMITTED_TASKS - lost,
        lostOrWrong: lost + wrong,
        duplicated,
        seconds: Number((ms / 1000).toFixed(1)),
        perSecond: Math.round(SUBMITTED_TASKS / (ms / 1000)),
        rssGrowthMiB: Math.round(rss.growth),
        ok: lost + wrong + duplicated === 0 && rss.growth <= RSS_GROWTH_BOUND_MIB,
      },
      curve: rss.samples,
    });
    expect({ lost, duplicated, wrong }).toEqual({ lost: 0, duplicated: 0, wrong: 0 });
    expect(rss.growth).toBeLessThanOrEqual(RSS_GROWTH_BOUND_MIB);
  });
});

describe('multiprocessing Queue soak', () => {
  it(`carries ${QUEUE_ITEMS} items from two child producers, each exactly once`, async () => {
    const executor = new ProcessPoolExecutor({ maxWorkers: 2 });
    open.push(executor);
    const queue = new Queue<number>();
    const rss = new RssSampler();
    const half = QUEUE_ITEMS / 2;
    const startedAt = performance.now();
    const producers = [
      executor.submit(produce, queue, 0, half, QUEUE_BATCH),
      executor.submit(produce, queue, half, half, QUEUE_BATCH),
    ];
    const seen = new Uint8Array(QUEUE_ITEMS);
    let received = 0;
    let outOfRange = 0;
    while (received < QUEUE_ITEMS) {
      for (const item of await queue.getMany(1_000)) {
        if (Number.isInteger(item) && item >= 0 && item < QUEUE_ITEMS) seen[item]!++;
        else outOfRange++;
        received++;
        if (received % (QUEUE_ITEMS / SAMPLES) === 0) rss.sample();
      }
    }
    expect(await Promise.all(producers)).toEqual([half, half]);
    const ms = performance.now() - startedAt;
    const lost = seen.filter((count) => count === 0).length;
    const duplicated = seen.filter((count) => count > 1).length;
    expect(await queue.qsize()).toBe(0);
    queue.close();
    recordFigure({
      section: 'soak',
      subject: `Queue ×${QUEUE_ITEMS} (2 child producers, batch ${QUEUE_BATCH})`,
      values: {
        items: received,
        lostOrWrong: lost + outOfRange,
        duplicated,
        seconds: Number((ms / 1000).toFixed(1)),
        perSecond: Math.round(received / (ms / 1000)),
        rssGrowthMiB: Math.round(rss.growth),
        ok: lost + outOfRange + duplicated === 0 && rss.growth <= RSS_GROWTH_BOUND_MIB,
      },
      curve: rss.samples,
    });
    expect({ lost, duplicated, outOfRange }).toEqual({ lost: 0, duplicated: 0, outOfRange: 0 });
    expect(rss.growth).toBeLessThanOrEqual(RSS_GROWTH_BOUND_MIB);
  });
});
