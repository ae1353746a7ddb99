// `using` and `await using` (Python's `with lock:`), downlevelled by TypeScript for Node 20:
// the hold is released at the end of the block, also when the block throws.
import { Condition, Lock, RLock, Semaphore } from '@concur/threading';
import { describe, expect, it } from 'vitest';

describe('hold() with using', () => {
  it('releases a Lock at the end of the block, also on throw', () => {
    const lock = new Lock();
    {
      using held = lock.hold();
      expect(held.active).toBe(true);
      expect(lock.locked()).toBe(true);
    }
    expect(lock.locked()).toBe(false);
    expect(() => {
      using held = lock.hold({ timeout: 100 });
      void held;
      throw new Error('inside');
    }).toThrow('inside');
    expect(lock.locked()).toBe(false);
  });

  it('releases with await using, and a hold released twice releases once', async () => {
    const semaphore = new Semaphore(1);
    {
      await using held = await semaphore.holdAsync({ timeout: 1_000 });
      expect(semaphore.value).toBe(0);
      held.release();
      expect(held.active).toBe(false);
    }
    expect(semaphore.value).toBe(1);
  });

  it('nests RLock holds in one thread and holds a Condition lock', async () => {
    const rlock = new RLock();
    {
      using outer = rlock.hold();
      using inner = rlock.hold();
      expect(outer.active && inner.active).toBe(true);
    }
    expect(rlock.locked()).toBe(false);
    const condition = new Condition();
    {
      await using _held = await condition.holdAsync();
      expect(condition.lock.locked()).toBe(true);
      expect(await condition.waitAsync(5)).toBe(false);
    }
    expect(condition.lock.locked()).toBe(false);
  });
});
