/**
 * How well a field's words say a knowledge phrase: recall (the phrase's words found in the field) matters most,
 * precision (the field's words the phrase explains) less, and generic words (`id`, `date`, `number`) count little,
 * so `AccountId` is an account reference before it is a record id, and `legal_name` is a weaker `name` than `name`.
 */
import type { Token } from "./lexical";

/** Words too common in field names to carry much meaning on their own. */
const GENERIC_WEIGHTS: Record<string, number> = {
  id: 0.45, key: 0.5, date: 0.45, time: 0.45, timestamp: 0.45, datum: 0.45, fecha: 0.45, data: 0.4, number: 0.5,
  nummer: 0.5, numero: 0.5, code: 0.55, value: 0.35, info: 0.3, field: 0.3, flag: 0.4, text: 0.5, on: 0.3, at: 0.3,
  am: 0.3, by: 0.6, name: 0.8,
};

export function wordWeight(word: string): number {
  if (/^\d+$/.test(word)) return 0.3;
  return GENERIC_WEIGHTS[word] ?? 1;
}

export interface Phrase {
  words: string[];
  /** 1 for a direct way of saying the target, less for an indirect one */
  strength: number;
}

/** 1 for the same word, less for a prefix (`employ`/`employee`) or a word inside a compound (`kundennummer`). */
export function wordSimilarity(fieldWord: string, phraseWord: string): number {
  if (fieldWord === phraseWord) return 1;
  const [shorter, longer] = fieldWord.length < phraseWord.length ? [fieldWord, phraseWord] : [phraseWord, fieldWord];
  if (shorter.length >= 4 && longer.startsWith(shorter)) return 0.8;
  if (shorter.length >= 5 && fieldWord.length > phraseWord.length && fieldWord.includes(phraseWord)) return 0.75;
  return 0;
}

/** Credit for a phrase word found only in a parent path segment (`name.first` → "first name"). */
const PARENT_RECALL = 0.9;

export function phraseScore(tokens: readonly Token[], phrase: Phrase): number {
  if (tokens.length === 0) return 0;
  let recallHit = 0;
  let recallTotal = 0;
  const explained = new Array<number>(tokens.length).fill(0);
  for (const word of phrase.words) {
    const weight = wordWeight(word);
    recallTotal += weight;
    let best = 0;
    tokens.forEach((token, index) => {
      const similarity = wordSimilarity(token.word, word);
      if (similarity === 0) return;
      explained[index] = Math.max(explained[index] ?? 0, similarity);
      best = Math.max(best, similarity * (token.weight < 1 ? PARENT_RECALL : 1));
    });
    recallHit += weight * best;
  }
  let precisionHit = 0;
  let precisionTotal = 0;
  tokens.forEach((token, index) => {
    const weight = wordWeight(token.word) * token.weight;
    precisionTotal += weight;
    precisionHit += weight * (explained[index] ?? 0);
  });
  const recall = recallHit / recallTotal;
  const precision = precisionHit / precisionTotal;
  return phrase.strength * recall ** 2 * precision ** 1;
}

/**
 * The phrase words of one entity's knowledge, indexed so a field word finds the words it resembles without being
 * compared with all of them: exact and prefix matches share their first four letters; only long field words (run
 * together, `kundennummer`) are scanned for words inside them.
 */
export class WordIndex {
  readonly #byStem = new Map<string, string[]>();
  readonly #long: string[];
  readonly #memo = new Map<string, readonly string[]>();

  constructor(words: Iterable<string>) {
    const distinct = [...new Set(words)];
    for (const word of distinct) {
      const stem = word.slice(0, 4);
      this.#byStem.set(stem, [...(this.#byStem.get(stem) ?? []), word]);
    }
    this.#long = distinct.filter((word) => word.length >= 5);
  }

  /** Phrase words with a non-zero `wordSimilarity` to this field word. */
  resembling(fieldWord: string): readonly string[] {
    const known = this.#memo.get(fieldWord);
    if (known !== undefined) return known;
    const candidates = new Set(this.#byStem.get(fieldWord.slice(0, 4)) ?? []);
    if (fieldWord.length > 5) for (const word of this.#long) if (fieldWord.includes(word)) candidates.add(word);
    const found = [...candidates].filter((word) => wordSimilarity(fieldWord, word) > 0);
    // field words repeat across requests (`id`, `name`, `date`); the memo is bounded so odd names cannot grow it
    if (this.#memo.size < 20_000) this.#memo.set(fieldWord, found);
    return found;
  }
}
