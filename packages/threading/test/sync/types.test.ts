// Type-level checks of the generic and overloaded surface: Queue items, waitFor results,
// boolean acquires, promise-returning async forms and disposable holds.
import { Barrier, Condition, Held, Lock, Queue, type AcquireOptions } from '@concur/threading';
import { describe, expectTypeOf, it } from 'vitest';

describe('sync primitive types', () => {
  it('carry the Queue item type through put and get', () => {
    const queue = new Queue<{ id: number }>();
    expectTypeOf(queue.get).returns.toEqualTypeOf<{ id: number }>();
    expectTypeOf(queue.getAsync).returns.resolves.toEqualTypeOf<{ id: number }>();
    expectTypeOf(queue.put).parameter(0).toEqualTypeOf<{ id: number }>();
    expectTypeOf(new Queue().getNowait).returns.toBeUnknown();
  });

  it('type acquires as booleans, holds as disposables, and waitFor as the predicate result', () => {
    const lock = new Lock();
    expectTypeOf(lock.acquire).returns.toEqualTypeOf<boolean>();
    expectTypeOf(lock.acquireAsync).returns.resolves.toEqualTypeOf<boolean>();
    expectTypeOf(lock.acquire).parameter(0).toEqualTypeOf<AcquireOptions | undefined>();
    expectTypeOf(lock.hold).returns.toEqualTypeOf<Held>();
    expectTypeOf<Held>().toMatchTypeOf<Disposable & AsyncDisposable>();
    const condition = new Condition();
    // Only types are checked: nothing here is called.
    expectTypeOf(condition.waitFor<'ready'>).returns.toEqualTypeOf<'ready'>();
    expectTypeOf(condition.waitForAsync<number>).returns.resolves.toBeNumber();
    expectTypeOf(new Barrier(2).waitAsync).returns.resolves.toBeNumber();
  });
});
