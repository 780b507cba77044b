/**
 * Which transforms a canonical target needs for the values a source field holds, chosen the way the bundled
 * mappings write them: by the target's kind, then by the samples. The locale or date format picked is the one the
 * real transform parses the most samples with (the earlier one on a tie): a stray "n/a" does not hide that a column
 * is written "1.234,56", and the number transform's grouping check never reads that as 1.23456 anyway.
 */
import type { EntityName } from "../../canonical/names";
import { buildTransform, isTransformName, transformCatalog, type TransformSpec } from "../mapping/transforms";
import type { WrittenTransform } from "./changes";
import { isRequiredTarget, targetKind } from "./targets";

/** Locales whose separators exports use; en-US first: what `number` reads without options. */
const NUMBER_LOCALES = ["en-US", "de-DE", "fr-FR", "de-CH"];
const DATE_FORMATS = ["iso", "dd/MM/yyyy", "dd.MM.yyyy", "MM/dd/yyyy", "yyyy/MM/dd", "dd-MM-yyyy", "d.M.yyyy", "d/M/yyyy"];
const DATETIME_FORMATS = [
  ...["dd/MM/yyyy", "dd.MM.yyyy", "MM/dd/yyyy"].flatMap((date) => [`${date} HH:mm:ss`, `${date} HH:mm`]),
  ...DATE_FORMATS,
];
/** Epoch numbers from 2001 on in milliseconds are above this; in seconds they stay far below it. */
const EPOCH_MILLIS_FROM = 1e11;

const present = (samples: unknown[]) => samples.filter((s) => s !== null && s !== undefined && s !== "");

/** The share of the (non-empty) samples the chain accepts; 0 without samples. */
export function parsedShare(transforms: readonly TransformSpec[], samples: unknown[]): number {
  const values = present(samples);
  const chain = transforms.map(buildTransform);
  const ok = values.filter((value) => {
    try {
      let v: unknown = value;
      for (const step of chain) {
        if (v === null || v === undefined) break;
        v = step(v);
      }
      return true;
    } catch {
      return false;
    }
  });
  return values.length === 0 ? 0 : ok.length / values.length;
}

/** A written entry → the validated spec the engine builds (defaults applied); an unknown entry is a programming error. */
export function toSpec(entry: WrittenTransform): TransformSpec {
  const [name, options] = typeof entry === "string" ? [entry, {}] : Object.entries(entry)[0]!;
  if (!isTransformName(name)) throw new Error(`unknown transform ${name}`);
  return { name, options: transformCatalog[name].options.parse(options ?? {}) } as TransformSpec;
}

export function chooseTransforms(entity: EntityName, target: string, samples: unknown[]): WrittenTransform[] {
  const values = present(samples);
  const kind = targetKind(entity, target);
  // text targets fed numbers or booleans (a retyped column) read them as text first
  const asText: WrittenTransform[] = values.every((v) => typeof v === "string") ? [] : ["string"];
  switch (kind) {
    case "number":
    case "integer":
      return [numberEntry(kind, values)];
    case "date":
      return [formatEntry("date", DATE_FORMATS, values)];
    case "datetime":
      return [datetimeEntry(values)];
    case "currency":
      return ["currency"];
    case "email":
      return [...asText, "trim", "lower", "empty_as_null"];
    case "choice":
      return [...asText, "trim", "lower"];
    default:
      // a required text must not become null from a blank cell: the record fails visibly instead
      return [...asText, ...(isRequiredTarget(entity, target) ? ["trim"] : ["trim", "empty_as_null"])];
  }
}

/** The option that parses the largest share of the values; the first one when none parses any. */
function mostParsed<T>(options: T[], entry: (option: T) => WrittenTransform, values: unknown[]): T {
  const shares = options.map((option) => parsedShare([toSpec(entry(option))], values));
  return options[shares.indexOf(Math.max(...shares))]!;
}

function numberEntry(name: "number" | "integer", values: unknown[]): WrittenTransform {
  const locale = mostParsed(NUMBER_LOCALES, (l) => ({ [name]: { locale: l } }), values);
  return locale === "en-US" ? name : { [name]: { locale } };
}

function formatEntry(name: "date" | "datetime", formats: string[], values: unknown[]): WrittenTransform {
  const format = mostParsed(formats, (f) => (f === "iso" ? name : { [name]: { format: f } }), values);
  return format === "iso" ? name : { [name]: { format } };
}

function datetimeEntry(values: unknown[]): WrittenTransform {
  if (values.length > 0 && values.every((v) => typeof v === "number")) {
    return { datetime: { format: (values as number[]).every((v) => v >= EPOCH_MILLIS_FROM) ? "epoch_millis" : "epoch_seconds" } };
  }
  return formatEntry("datetime", DATETIME_FORMATS, values);
}
