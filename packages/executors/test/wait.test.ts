// wait(): FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and the timeout, on hand-settled futures.
import { describe, expect, it } from 'vitest';
import { ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, Future, wait } from '@concur/executors';

const settleSoon = (future: Future<number>, how: 'ok' | 'fail', ms = 5) =>
  setTimeout(() => {
    future.setRunningOrNotifyCancel();
    if (how === 'ok') future.setResult(1);
    else future.setException(new Error('failed'));
  }, ms);

describe('wait', () => {
  it('returns at once when ALL_COMPLETED is already satisfied', async () => {
    const a = new Future<number>();
    a.setResult(1);
    const { done, notDone } = await wait([a, a]);
    expect([...done]).toEqual([a]);
    expect(notDone.size).toBe(0);
  });

  it('FIRST_COMPLETED resolves when one future completes', async () => {
    const [a, b] = [new Future<number>(), new Future<number>()];
    settleSoon(a, 'ok');
    const { done, notDone } = await wait([a, b], { returnWhen: FIRST_COMPLETED });
    expect([...done]).toEqual([a]);
    expect([...notDone]).toEqual([b]);
  });

  it('FIRST_EXCEPTION waits past successes until a failure', async () => {
    const [a, b, c] = [new Future<number>(), new Future<number>(), new Future<number>()];
    settleSoon(a, 'ok', 1);
    settleSoon(b, 'fail', 15);
    const { done, notDone } = await wait([a, b, c], { returnWhen: FIRST_EXCEPTION });
    expect(done).toEqual(new Set([a, b]));
    expect(notDone).toEqual(new Set([c]));
  });

  it('FIRST_EXCEPTION returns when everything completes without failure', async () => {
    const [a, b] = [new Future<number>(), new Future<number>()];
    settleSoon(a, 'ok', 1);
    settleSoon(b, 'ok', 3);
    const { done } = await wait([a, b], { returnWhen: FIRST_EXCEPTION });
    expect(done.size).toBe(2);
  });

  it('ALL_COMPLETED counts cancelled futures as done', async () => {
    const [a, b] = [new Future<number>(), new Future<number>()];
    settleSoon(a, 'fail');
    setTimeout(() => b.cancel(), 2);
    const { done, notDone } = await wait([a, b], { returnWhen: ALL_COMPLETED });
    expect(done.size).toBe(2);
    expect(notDone.size).toBe(0);
  });

  it('resolves with what is done when the timeout passes', async () => {
    const [a, b] = [new Future<number>(), new Future<number>()];
    a.setResult(1);
    const { done, notDone } = await wait([a, b], { timeout: 10 });
    expect([...done]).toEqual([a]);
    expect([...notDone]).toEqual([b]);
  });

  it('rejects bad arguments clearly', async () => {
    await expect(wait([1 as never])).rejects.toThrow(
      'Expected item 0 of the `futures` argument to be a Future, got `1` (number).',
    );
    await expect(wait([], { returnWhen: 'SOME' as never })).rejects.toThrow(
      'Expected the `returnWhen` option to be one of `FIRST_COMPLETED`, `FIRST_EXCEPTION`, `ALL_COMPLETED`, got `"SOME"` (string).',
    );
  });
});
