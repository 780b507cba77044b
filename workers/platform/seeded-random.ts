/** Seeded randomness for synthetic data sets (generators of the pilots' evaluation and demo data). */

/** mulberry32: a small, fast, seedable PRNG (deterministic across engines). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const between = (next: () => number, low: number, high: number): number => low + (high - low) * next();

/** A standard normal draw (Box–Muller). */
export const gaussian = (next: () => number): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
