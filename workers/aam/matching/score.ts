/**
 * The evidence for one (source field, canonical target) pair before retrieval and assignment: how well the field's
 * name and label say the target (phrases.ts), penalised by sibling qualifiers, and how well its values fit.
 */
import type { MatchField } from "./ports";
import { nameTokens, textTokens, type Token } from "./lexical";
import { vocabulary, type PreparedTarget } from "./knowledge";
import { phraseScore, type WordIndex } from "./phrases";
import { fieldEvidence, type FieldEvidence } from "./values";

/** A field's words and value evidence, worked out once per request. */
export interface FieldView {
  field: MatchField;
  name: Token[];
  label: Token[];
  evidence: FieldEvidence;
  /** the text embedded for retrieval */
  document: string;
}

function tokensOf(name: string, label: string | null | undefined): { name: Token[]; label: Token[] } {
  return {
    name: nameTokens(name, vocabulary),
    label: typeof label === "string" ? textTokens(label, vocabulary).map((word) => ({ word, weight: 1 })) : [],
  };
}

/** The text a field is embedded as: its normalised words, so the same field spelled alike embeds alike. */
export function fieldDocument(name: string, label: string | null | undefined): string {
  const tokens = tokensOf(name, label);
  return [...new Set([...tokens.name, ...tokens.label].map((token) => token.word))].join(" ");
}

export function viewField(field: MatchField): FieldView {
  return { field, ...tokensOf(field.name, field.label), evidence: fieldEvidence(field.samples, field.type), document: fieldDocument(field.name, field.label) };
}

/** A sibling qualifier (fax, shipping, created *by*) that the best phrase does not itself contain. */
const QUALIFIER_PENALTY = 0.5;

/** Words that make any field a second one of its kind (`address2_city`, `Name 2`, `alt_phone`). */
const SECONDARY = new Set(["2", "3", "4", "5", "secondary", "alternate", "alt", "other", "additional", "weitere", "autre", "otro", "outro", "altro", "ander"]);

/** The phrase words some word of these tokens resembles: phrases with none of them score 0 and are skipped. */
export function resembledWords(tokens: readonly Token[], index: WordIndex): ReadonlySet<string> {
  return new Set(tokens.flatMap((token) => index.resembling(token.word)));
}

function lexicalFor(tokens: readonly Token[], resembled: ReadonlySet<string>, target: PreparedTarget): number {
  let best = 0;
  let bestWords: readonly string[] = [];
  const candidates = new Set([...resembled].flatMap((word) => target.phrasesByWord.get(word) ?? []));
  for (const phrase of candidates) {
    const score = phraseScore(tokens, phrase);
    if (score > best) {
      best = score;
      bestWords = phrase.words;
    }
  }
  const qualified = tokens.some((token) => (target.qualifierWords.has(token.word) || SECONDARY.has(token.word)) && !bestWords.includes(token.word));
  return qualified ? best * QUALIFIER_PENALTY : best;
}

/** Name and label against every target of the entity: the stronger decides, agreement adds a little. */
export function lexicalScores(view: FieldView, targets: readonly PreparedTarget[], index: WordIndex): number[] {
  const byName = resembledWords(view.name, index);
  const byLabel = resembledWords(view.label, index);
  return targets.map((target) => combineNameAndLabel(lexicalFor(view.name, byName, target), view.label.length === 0 ? null : lexicalFor(view.label, byLabel, target)));
}

function combineNameAndLabel(byName: number, byLabel: number | null): number {
  if (byLabel === null) return byName;
  return Math.min(1, Math.max(byName, byLabel) + 0.15 * Math.min(byName, byLabel));
}

/** −1…1: how well the field's values fit the target; 0 without evidence. */
export function valueFit(evidence: FieldEvidence, target: PreparedTarget): number {
  if (evidence.samples === 0) return 0;
  if (target.range === "percent" && Object.keys(evidence.profile).some((kind) => ["integer", "decimal", "fraction"].includes(kind)) && !evidence.percentRange) return -1;
  let fit = 0;
  for (const [kind, share] of Object.entries(evidence.profile)) fit += (share ?? 0) * (target.kinds.fits[kind as keyof typeof target.kinds.fits] ?? target.kinds.otherKinds);
  return fit;
}
