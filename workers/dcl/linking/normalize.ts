/**
 * Normal forms entity linking compares: a website's host and a company name without its legal form, case,
 * accents or punctuation, so "Müller Maschinenbau GmbH" and "Mueller Maschinenbau" read the same.
 */

/** The host of a website or domain, lowercase, without scheme, `www.`, port, path or trailing dot; null if none. */
export function normalizeDomain(website: string | null): string | null {
  if (website === null) return null;
  const host = website
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .split(/[/?#]/, 1)[0]!
    .replace(/:\d+$/, "")
    .replace(/\.$/, "")
    .replace(/^www\./, "");
  return host.includes(".") ? host : null;
}

// German umlauts spell out (ü → ue) as German names are written without them; other accents are dropped.
const TRANSLITERATIONS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", æ: "ae", ø: "oe", å: "aa", œ: "oe" };

/** Legal forms and their noise words, as tokens once punctuation is gone ("B.V." → "bv", "S.à r.l." → "sarl"). */
const LEGAL_FORMS = new Set([
  "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "ev", "se", "co", "cie", "inc", "incorporated", "corp", "corporation",
  "ltd", "limited", "llc", "llp", "lp", "plc", "sa", "sas", "sarl", "sl", "spa", "srl", "bv", "nv", "oy", "ab", "as",
  "aps", "pty", "company", "the",
]);

/**
 * Words many unrelated companies share: useless for telling them apart, so they never pick link candidates
 * (a name still matches on its full text).
 */
const GENERIC_TOKENS = new Set([
  "firma", "group", "gruppe", "holding", "holdings", "international", "global", "services", "service", "solutions",
  "systems", "technologies", "technology", "industries", "consulting", "partners", "enterprises", "trading", "and", "und",
]);

/** The token that names the company rather than its kind: the first that is neither generic nor a short fragment. */
export function distinctiveToken(tokens: string[]): string | undefined {
  return tokens.find((token) => !GENERIC_TOKENS.has(token) && (token.length >= 3 || /^\d+$/.test(token)));
}

/** The digits in a name ("Firma 12", "Route 66 Diner"): names that differ in them are different companies. */
export const numberTokens = (tokens: string[]): string => tokens.filter((token) => /^\d+$/.test(token)).join(" ");

/** Name tokens: lowercase, transliterated, punctuation removed, legal forms dropped. */
export function nameTokens(name: string): string[] {
  const ascii = name
    .toLowerCase()
    .replace(/[äöüßæøåœ]/g, (ch) => TRANSLITERATIONS[ch] ?? ch)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[.'’]/g, "")
    .replace(/&/g, " ");
  return ascii.split(/[^a-z0-9]+/).filter((token) => token !== "" && !LEGAL_FORMS.has(token));
}
