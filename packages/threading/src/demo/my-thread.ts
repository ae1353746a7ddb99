// Demo: the tutorial's class example, MyThread overriding run(). It lives in its own module
// with no top-level side effects because each worker thread imports it to rebuild the
// instance, as Python's spawn re-imports the module of a Process subclass.
import { setTimeout as sleep } from 'node:timers/promises';
import { Thread } from '../thread.js';

/** The tutorial's `MyThread(threading.Thread)`: prints when it starts and finishes. */
export class MyThread extends Thread {
  static {
    Thread.register(import.meta.url, this);
  }

  /** How long run() sleeps, in milliseconds (the tutorial's `time.sleep(1)`). */
  readonly delayMs: number;

  constructor(name: string, delayMs = 1000) {
    super();
    this.name = name;
    this.delayMs = delayMs;
  }

  /** Runs inside the worker thread, with `name` and `delayMs` carried over. */
  override async run(): Promise<void> {
    console.log(`${this.name} starting`);
    await sleep(this.delayMs);
    console.log(`${this.name} finished`);
  }
}
