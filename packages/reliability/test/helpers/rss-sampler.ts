// Samples resident memory (MiB) while a soak runs, for the curve in the figures. Each sample
// follows a full garbage collection (vitest runs this suite with --expose-gc), so the curve
// shows what the executors retain, not garbage V8 has not collected yet: without it, the
// EventLoopExecutor's 1,000,000-submit soak showed RSS climbing 318 -> 705 MiB while its heap
// after a collection stayed at 7 MiB.

/** Resident set size of this process after a full collection (when exposed), in MiB. */
export function rssMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
}

/** A series of RSS samples taken on demand, with its summary. */
export class RssSampler {
  readonly samples: number[] = [rssMiB()];

  sample(): void {
    this.samples.push(rssMiB());
  }

  /** Growth from the first warm sample (the second) to the peak, in MiB. */
  get growth(): number {
    const warm = this.samples[Math.min(1, this.samples.length - 1)]!;
    return Math.max(...this.samples.slice(1)) - warm;
  }

  get peak(): number {
    return Math.max(...this.samples);
  }
}
