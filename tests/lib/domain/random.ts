/**
 * A seeded generator (mulberry32) for the property tests: the same "random" cases on every
 * run, so a failure can be replayed.
 */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export const below = (rnd: () => number, n: number): number => Math.floor(rnd() * n);
