/**
 * The currency an amount column is written in, when it says so: an ISO code or a symbol in its name or label
 * ("Umsatz (EUR)", "amount_usd", "Revenue €") or beside its values ("1.200 €", "USD 98,000"). Exactly one currency
 * or none: unmarked or mixed amounts give none, and the draft leaves the amount for a person to complete.
 */
import { currencyCode } from "../mapping/transforms/currency";
import type { ObservedField } from "../drift/schemas";

/** Upper-case codes and currency symbols as written, plus a snake-case `_usd` suffix. */
const NAME_MARKS = /\b[A-Z]{3}\b|\p{Sc}|(?<=_)[a-z]{3}$/gu;
const VALUE_MARKS = /^\s*([A-Z]{3}|[A-Z]{0,2}\p{Sc})|([A-Z]{3}|\p{Sc})\s*$/u;

export function amountCurrency(field: Pick<ObservedField, "path" | "label" | "samples">): string | undefined {
  const named = [field.path, field.label ?? ""].flatMap((text) => text.match(NAME_MARKS) ?? []);
  const valued = field.samples.flatMap((sample) => {
    const mark = typeof sample === "string" ? VALUE_MARKS.exec(sample) : null;
    return mark === null ? [] : [mark[1] ?? mark[2]!];
  });
  const codes = new Set([...named, ...valued].flatMap((mark) => currencyCode(mark) ?? []));
  return codes.size === 1 ? [...codes][0] : undefined;
}
