/** Name similarity: the Dice coefficient of the names' character trigrams (each token padded, so word starts count). */
function trigrams(normalized: string): Set<string> {
  const grams = new Set<string>();
  for (const token of normalized.split(" ")) {
    const padded = `  ${token} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** 0 (nothing shared) … 1 (same trigrams); two empty names are not similar. */
export function nameSimilarity(a: string, b: string): number {
  if (a === "" || b === "") return 0;
  const ga = trigrams(a);
  const gb = trigrams(b);
  let shared = 0;
  for (const gram of ga) if (gb.has(gram)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}
