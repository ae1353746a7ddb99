// Regressions found by the reliability suite's property tests: wrong option values that were
// accepted, or reported under the wrong name, instead of failing in the one template.
import { afterEach, describe, expect, it } from 'vitest';
import { EventLoopExecutor, ProcessPoolExecutor, ThreadPoolExecutor } from '@concur/executors';

const created: { shutdown(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((executor) => executor.shutdown()));
});

/** Calls `make`; an executor it wrongly returns is shut down after the test. */
function attempt(make: () => { shutdown(): Promise<void> }): () => void {
  return () => {
    created.push(make());
  };
}

describe('option validation regressions', () => {
  it('EventLoopExecutor rejects `maxConcurrency: null` instead of treating it as Infinity', () => {
    expect(attempt(() => new EventLoopExecutor({ maxConcurrency: null as never }))).toThrow(
      new TypeError(
        'Expected the `maxConcurrency` option to be a positive integer or Infinity, got `null` (null).',
      ),
    );
  });

  it.each([
    ['ThreadPoolExecutor', (o: object) => new ThreadPoolExecutor(o)],
    ['ProcessPoolExecutor', (o: object) => new ProcessPoolExecutor(o)],
  ] as const)('%s names the `initializer` option when it is not a task', (_, make) => {
    expect(attempt(() => make({ initializer: 0 }))).toThrow(
      /^Expected the `initializer` argument to be a task from defineTask\(\) or taskFrom\(\), got `0` \(number\)\.$/,
    );
  });

  it('ThreadPoolExecutor rejects bad `resourceLimits` in the constructor, not at the first submit', () => {
    expect(
      attempt(() => new ThreadPoolExecutor({ resourceLimits: { maxOldGenerationSizeMb: 0 } })),
    ).toThrow(
      new TypeError(
        'Expected the `resourceLimits.maxOldGenerationSizeMb` option to be a positive number of megabytes, got `0` (number).',
      ),
    );
  });
});
