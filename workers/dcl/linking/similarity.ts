/** Name similarity: the Dice coefficient of the names' character trigrams (each token padded, so word starts count). */
export function trigrams(normalized: string): Set<string> {
  const grams = new Set<string>();
  if (normalized === "") return grams;
  for (const token of normalized.split(" ")) {
    const padded = `  ${token} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** 0 (nothing shared) … 1 (same trigrams) of two names' trigrams; two empty names are not similar. */
export function trigramSimilarity(ga: Set<string>, gb: Set<string>): number {
  if (ga.size === 0 || gb.size === 0) return 0;
  let shared = 0;
  for (const gram of ga) if (gb.has(gram)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}
