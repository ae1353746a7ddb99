// Samples resident memory (MiB) while a soak runs, for the curve in the figures.

/** Resident set size of this process, in MiB. */
export function rssMiB(): number {
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
