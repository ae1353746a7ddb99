// A small seeded random number generator, so shuffles and bootstrap intervals are
// reproducible from the seed printed in every report.

/** A function returning uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * mulberry32: a 32-bit seeded generator, fast and good enough for resampling and shuffles.
 * @example
 * const random = createRandom(42);
 * random(); // the same first number for seed 42 every time
 */
export function createRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Returns a shuffled copy of `items` (Fisher–Yates) drawn from `random`.
 * @example
 * shuffle([1, 2, 3], createRandom(1));
 */
export function shuffle<T>(items: readonly T[], random: RandomSource): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Derives a child seed from a seed and a label, so each round and group has its own. */
export function deriveSeed(seed: number, label: string): number {
  let hash = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
