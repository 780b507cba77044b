/**
 * Field names and labels → comparable tokens: splits camelCase, PascalCase, snake_case, kebab-case and dotted
 * paths, drops Salesforce custom suffixes and system prefixes, folds accents and expands common abbreviations, so
 * `Annual_Rev_USD__c`, `annualRevUsd` and `Jahresumsatz (USD)` reach the same words.
 */

/** Short forms column names use, expanded to the words the knowledge base spells out ("" drops a system prefix). */
const ABBREVIATIONS: Record<string, string> = {
  acct: "account", acc: "account", accnt: "account", addr: "address", amt: "amount", amnt: "amount", ann: "annual",
  asst: "assistant", bill: "billing", cmp: "company", co: "company", comp: "company", cnt: "count", ccy: "currency",
  cur: "currency", curr: "currency", crncy: "currency", ctry: "country", cntry: "country", cust: "customer",
  dt: "date", dte: "date", dept: "department", desc: "description", descr: "description", emp: "employee",
  empl: "employees", fname: "first name", lname: "last name", mgr: "manager", mob: "mobile", nm: "name",
  num: "number", nr: "number", no: "number", org: "organization", ph: "phone", tel: "telephone", prob: "probability",
  pct: "percent", qty: "quantity", rev: "revenue", src: "source", ts: "timestamp", tstamp: "timestamp",
  upd: "updated", ins: "inserted", crt: "created", mod: "modified", usr: "user", cell: "cellphone",
  ident: "identifier", yr: "year", tz: "timezone", www: "website", e164: "", sf: "",
  sfdc: "", hs: "", ship: "shipping", mkt: "marketing", opp: "opportunity", oppty: "opportunity", corp: "company",
  pos: "position", rep: "representative", nbr: "number", ccode: "country code", pers: "person",
};

/** Words that carry no meaning for matching (articles and prepositions in the supported languages). */
const STOPWORDS = new Set([
  "the", "of", "a", "an", "in", "is", "has", "for", "to", "and", "on", "at",
  "der", "die", "das", "des", "den", "von", "und", "am", "im",
  "le", "la", "les", "de", "du", "des", "d", "l", "et", "en",
  "el", "los", "las", "del", "y",
  "o", "os", "as", "do", "da", "dos", "das", "e",
  "il", "lo", "gli", "di", "della", "dei",
  "het", "een", "van", "en",
]);

/**
 * Currency codes qualify an amount (`Umsatz (EUR)`, `amount_usd`) without saying what it is: dropped, like
 * stopwords, so the words that name the field decide. The value evidence still sees the amounts.
 */
const CURRENCY_WORDS = new Set(["usd", "eur", "gbp", "chf", "jpy", "cad", "aud", "nzd", "sek", "nok", "dkk", "pln", "czk", "huf", "brl", "mxn", "inr", "cny", "rmb", "zar", "sgd", "hkd"]);

/** Lower case, accents removed, `ß` → `ss`, `æ`/`œ` spelled out. */
export function foldAccents(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/æ/gi, "ae")
    .replace(/œ/gi, "oe")
    .toLowerCase();
}

/** Words of one identifier or label, in order, before abbreviation expansion. */
export function splitWords(text: string): string[] {
  const stripped = text
    .replace(/__(c|r|pc|mdt|x|e)$/i, "") // Salesforce custom field / relationship / metadata suffixes
    .replace(/^[a-z][a-z0-9]{1,14}__(?=[A-Za-z])/i, ""); // managed-package namespace prefix (ns__Field__c)
  return foldAccents(
    stripped
      .replace(/([a-z\u00df-\u00ff])([A-Z\u00c0-\u00de])/g, "$1 $2") // camelCase
      .replace(/([A-Z\u00c0-\u00de]+)([A-Z\u00c0-\u00de][a-z\u00df-\u00ff])/g, "$1 $2") // HTMLParser → HTML Parser
      .replace(/([a-zA-Z])(\d)/g, "$1 $2")
      .replace(/(\d)([a-zA-Z])/g, "$1 $2"),
  )
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** A token with where it came from: the last path segment is the field itself, earlier ones its context. */
export interface Token {
  word: string;
  /** 1 for the field's own segment, less for parent path segments */
  weight: number;
}

export const PARENT_SEGMENT_WEIGHT = 0.55;

const EMPTY: ReadonlySet<string> = new Set();

/** Path segments that only hold their parent's value (`.value`, `.id`, `.raw`). */
const CARRIER_WORDS = new Set(["value", "id", "key", "text", "data", "raw", "val", "v"]);

/** Words the splitter may use as compound pieces besides the caller's vocabulary (abbreviations, stopwords). */
export const BASE_VOCABULARY: readonly string[] = [...Object.keys(ABBREVIATIONS), ...STOPWORDS];

/** Short pieces a compound may contain besides vocabulary words of three letters or more. */
const SHORT_PIECES = new Set(["of", "on", "at", "id", "by", "no", "nr", "is"]);

/**
 * Splits a run-together word (`numberofemployees`, `createdon`, `parentcustomerid`) into vocabulary words, fewest
 * pieces first; words the vocabulary knows whole, short words and words it cannot fully cover stay as they are.
 */
export function splitCompound(word: string, vocabulary: ReadonlySet<string>): string[] {
  if (word.length < 7 || vocabulary.has(word) || /\d/.test(word)) return [word];
  // best[i]: fewest pieces covering word[0, i)
  const best: (string[] | null)[] = [[], ...Array<null>(word.length).fill(null)];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - 20); start < end; start++) {
      const before = best[start];
      const piece = word.slice(start, end);
      if (before === null || before === undefined || !(vocabulary.has(piece) && (piece.length >= 3 || SHORT_PIECES.has(piece)))) continue;
      const current = best[end];
      if (current === null || current === undefined || current.length > before.length + 1) best[end] = [...before, piece];
    }
  }
  return best[word.length] ?? [word];
}

/** Expands abbreviations and drops stopwords. */
export function normalizeWords(words: string[], vocabulary: ReadonlySet<string> = EMPTY): string[] {
  return words
    .flatMap((word) => splitCompound(word, vocabulary))
    .flatMap((word) => (word in ABBREVIATIONS ? (ABBREVIATIONS[word] ?? "").split(" ") : [word]))
    .filter((word) => word.length > 0 && !STOPWORDS.has(word) && !CURRENCY_WORDS.has(word))
    .map(singular);
}

/** English plural → singular for the regular cases (`employees` → `employee`, `categories` → `category`). */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is|os)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Tokens of a field name: nested paths dotted (or slashed), each segment split and expanded. */
export function nameTokens(name: string, vocabulary: ReadonlySet<string> = EMPTY): Token[] {
  const segments = name.split(/[./]|\[\d*\]/).filter((segment) => segment.length > 0 && !/^\d+$/.test(segment));
  // Mongo's `_id`/`__v` keep their meaning only as written, before underscores are split away
  const words = segments.map((segment) =>
    /^_+id$/i.test(segment) ? ["id"] : /^_+v$/i.test(segment) ? ["version"] : normalizeWords(splitWords(segment), vocabulary),
  );
  // `email.0.value`, `org_id.value`, `Owner.id`: a last segment of carrier words leaves the meaning to its parent
  const last = words.length - 1;
  const own = last > 0 && (words[last] ?? []).every((word) => CARRIER_WORDS.has(word)) ? last - 1 : last;
  return words.flatMap((segmentWords, index) => segmentWords.map((word) => ({ word, weight: index >= own ? 1 : PARENT_SEGMENT_WEIGHT })));
}

/** Tokens of a label or of a knowledge phrase (plain text in any language). */
export function textTokens(text: string, vocabulary: ReadonlySet<string> = EMPTY): string[] {
  return normalizeWords(splitWords(text), vocabulary);
}
