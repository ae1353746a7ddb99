// The ring-buffer queue keeps FIFO order across growth and wrap-around.
import { describe, expect, it } from 'vitest';
import { TaskQueue } from '@concur/executors';

describe('TaskQueue', () => {
  it('keeps first-in first-out order across growth and wrap-around', () => {
    const queue = new TaskQueue<number>();
    const expected: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 7; i++) queue.push(next++);
      for (let i = 0; i < 5; i++) expected.push(queue.shift()!);
    }
    expected.push(...queue.drain());
    expect(expected).toEqual(Array.from({ length: next }, (_, i) => i));
    expect(queue.size).toBe(0);
    expect(queue.shift()).toBeUndefined();
  });

  it('puts unshifted items at the front and peeks without removing', () => {
    const queue = new TaskQueue<string>();
    for (let i = 0; i < 20; i++) queue.push(`b${i}`);
    queue.unshift('a');
    expect(queue.peek()).toBe('a');
    expect(queue.size).toBe(21);
    expect(queue.shift()).toBe('a');
    expect(queue.shift()).toBe('b0');
  });
});
