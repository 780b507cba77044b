/**
 * Currencies to ISO 4217: codes in any case ("eur"), symbols ("€", "US$", "£") and common names ("Euro",
 * "US Dollar"). A bare "$" means USD and "¥" JPY, the conventions of most exports; sources in CAD, AUD or CNY
 * must send the code. Unknown values are errors, and codes are checked against the runtime's ISO 4217 list.
 */
import { describe, ValueError } from "../errors";
import { defineTransform, NoOptions } from "./define";
import { requireText } from "./text";

const ALIASES: Record<string, string> = {
  "€": "EUR", euro: "EUR", euros: "EUR",
  $: "USD", us$: "USD", "us dollar": "USD", "us dollars": "USD", dollar: "USD", dollars: "USD",
  "£": "GBP", "pound sterling": "GBP", pound: "GBP", pounds: "GBP",
  "¥": "JPY", yen: "JPY",
  "₹": "INR", rupee: "INR", rupees: "INR",
  "fr.": "CHF", "swiss franc": "CHF", "swiss francs": "CHF",
  "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD", "r$": "BRL", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS",
  "zł": "PLN",
};

let isoCodes: Set<string> | undefined;

/** The ISO 4217 code a code, symbol or name stands for; undefined when it is none. */
export function currencyCode(text: string): string | undefined {
  const alias = ALIASES[text.toLowerCase()];
  if (alias !== undefined) return alias;
  const code = text.toUpperCase();
  isoCodes ??= new Set(Intl.supportedValuesOf("currency"));
  return /^[A-Z]{3}$/.test(code) && isoCodes.has(code) ? code : undefined;
}

export const currency = defineTransform({
  options: NoOptions,
  build: () => (value) => {
    const text = requireText(value, "currency").trim();
    if (text === "") return null;
    const code = currencyCode(text);
    if (code === undefined) throw new ValueError(`unknown currency ${describe(value)}`);
    return code;
  },
});
