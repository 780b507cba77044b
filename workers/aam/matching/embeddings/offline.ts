/**
 * The offline embedder: words and character trigrams of the text hashed into a fixed number of dimensions, then
 * L2-normalised. Deterministic, no data files, runs anywhere; similar spellings (`Kundennummer` / `Kunden-Nr`) land
 * near each other, which is all the matcher asks of it (meaning comes from the knowledge base).
 */
import { foldAccents } from "../lexical";
import type { Embedder } from "../ports";

const DIMENSIONS = 384;

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

function add(vector: Float64Array, feature: string, weight: number): void {
  const code = hash(feature);
  // the top bit picks the sign, so colliding features cancel out on average instead of piling up
  vector[code % DIMENSIONS] = (vector[code % DIMENSIONS] ?? 0) + (code & 0x80000000 ? -weight : weight);
}

export function embedText(text: string): number[] {
  const vector = new Float64Array(DIMENSIONS);
  const words = foldAccents(text.replace(/([a-z])([A-Z])/g, "$1 $2")).split(/[^a-z0-9]+/).filter((word) => word.length > 0);
  for (const word of words) {
    add(vector, `w:${word}`, 1);
    const padded = `<${word}>`;
    for (let index = 0; index + 3 <= padded.length; index++) add(vector, `c:${padded.slice(index, index + 3)}`, 0.5);
  }
  let squares = 0;
  for (const value of vector) squares += value * value;
  const norm = Math.sqrt(squares);
  return Array.from(vector, (value) => (norm === 0 ? 0 : value / norm));
}

export const offlineEmbedder: Embedder = {
  model: `offline-hashed-ngrams-${DIMENSIONS}`,
  dimensions: DIMENSIONS,
  embed: async (texts) => texts.map(embedText),
};
