/**
 * Evidence from sample values: what kind of data a field holds (emails, URLs, phones, dates vs instants, ISO 4217
 * codes, amounts, percentages, booleans, record ids, countries, free text…). Each sample gets one kind; the field's
 * profile is the share of its non-empty samples of each kind.
 */

export const VALUE_KINDS = [
  "email", "url", "domain", "phone", "date", "datetime", "currency_code", "country", "boolean", "id", "integer",
  "decimal", "fraction", "percent", "status_word", "proper_name", "text", "long_text", "json",
] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export type ValueProfile = Partial<Record<ValueKind, number>>;

/** ISO 4217 codes in common use (a three-letter code outside this list is not taken for a currency). */
const CURRENCIES = new Set(
  ("USD EUR GBP JPY CHF CAD AUD NZD CNY HKD SGD SEK NOK DKK PLN CZK HUF RON BGN HRK ISK TRY RUB UAH INR IDR MYR " +
    "THB PHP VND KRW TWD BRL MXN ARS CLP COP PEN UYU ZAR NGN KES EGP MAD ILS AED SAR QAR KWD BHD OMR JOD PKR BDT LKR")
    .split(" "),
);

/** ISO 3166 alpha-2 codes and country names in several languages (for country-like values). */
const COUNTRY_CODES = new Set(
  ("AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN " +
    "CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FR GA GB GD GE GH GM GN GQ GR GT GW GY HK HN HR HT HU " +
    "ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MK " +
    "ML MM MN MO MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NZ OM PA PE PG PH PK PL PT PY QA RO RS RU RW SA SB SC SD " +
    "SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TW TZ UA UG UK US UY UZ VA VC VE VN YE ZA ZM ZW")
    .split(" "),
);
const COUNTRY_NAMES = new Set(
  [
    "united states", "usa", "united kingdom", "great britain", "germany", "deutschland", "allemagne", "alemania",
    "france", "frankreich", "francia", "spain", "spanien", "espagne", "espana", "italy", "italien", "italie", "italia",
    "netherlands", "the netherlands", "nederland", "niederlande", "pays-bas", "belgium", "belgien", "belgique", "belgie",
    "switzerland", "schweiz", "suisse", "svizzera", "austria", "osterreich", "autriche", "portugal", "brasil", "brazil",
    "poland", "polska", "polen", "sweden", "sverige", "schweden", "norway", "norge", "denmark", "danmark", "finland",
    "suomi", "ireland", "czech republic", "czechia", "tschechien", "slovakia", "hungary", "romania", "greece", "turkey",
    "russia", "ukraine", "canada", "mexico", "argentina", "chile", "colombia", "peru", "japan", "china", "india",
    "australia", "new zealand", "singapore", "south africa", "nigeria", "kenya", "egypt", "israel", "luxembourg",
    "united arab emirates", "saudi arabia", "south korea", "korea", "indonesia", "vietnam", "thailand", "philippines",
    "malaysia", "estados unidos", "reino unido", "royaume-uni", "etats-unis", "vereinigte staaten", "mexique", "marokko",
    "morocco", "maroc", "tunisia", "algeria", "croatia", "slovenia", "serbia", "bulgaria", "iceland", "estonia", "latvia", "lithuania",
  ],
);

const STATUS_WORDS = new Set([
  "open", "won", "lost", "closed", "closed won", "closed lost", "active", "inactive", "abandoned", "pending",
  "offen", "gewonnen", "verloren", "ouvert", "ouverte", "gagne", "gagnee", "perdu", "perdue", "abierta", "abierto",
  "ganada", "ganado", "perdida", "perdido", "aberta", "ganha", "perdida", "aperta", "vinta", "persa", "gewonnen",
]);
const BOOLEANS = new Set(["true", "false", "yes", "no", "y", "n", "t", "f", "0", "1", "ja", "nein", "oui", "non", "si", "sí", "sim", "nao", "não", "x"]);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const LOCAL_DATE = /^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/;
const LOCAL_DATETIME = /^\d{1,2}[./]\d{1,2}[./]\d{2,4}[ T]\d{1,2}:\d{2}/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const URL = /^(https?:\/\/|www\.)\S+$/i;
const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,24}$/i;
const PHONE = /^\+?[\d\s().\/-]{6,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OBJECT_ID = /^[0-9a-f]{24}$/i;
const SALESFORCE_ID = /^[a-zA-Z0-9]{3}[0-9][a-zA-Z0-9]{11}([a-zA-Z0-9]{3})?$/;
const CODE_ID = /^[A-Za-z]{1,6}[-_:]?\d[\w-]*$|^[a-z]{2,5}_(?=[A-Za-z]*\d)[A-Za-z0-9]{6,}$/;
const NUMBER = /^[-+]?(\d{1,3}([ ,.'’]\d{3})+|\d+)([.,]\d+)?$/;
const CURRENCY_AMOUNT = /^([$€£¥]|[A-Z]{3})\s?[-+]?[\d.,' ]+$|^[-+]?[\d.,' ]+\s?([$€£¥]|[A-Z]{3})$/;
const PROPER_NAME = /^[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'’-]+( (van|von|de|der|den|da|di|du|le|la|del|dos|ter|[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'’.-]*))*$/;

/** The kind of one sample; null when it is empty (`null`, "", whitespace). */
export function sampleKind(sample: unknown): ValueKind | null {
  if (sample === null || sample === undefined) return null;
  if (typeof sample === "boolean") return "boolean";
  if (typeof sample === "number") return numberKind(sample, String(sample));
  if (typeof sample === "object") return "json";
  const text = String(sample).trim();
  if (text === "" || /^(null|undefined|none|nan|n\/a)$/i.test(text)) return null;
  if (/^[[{]/.test(text)) return "json";
  if (BOOLEANS.has(text.toLowerCase()) && !/^[01]$/.test(text)) return "boolean";
  if (ISO_DATE.test(text) || LOCAL_DATE.test(text)) return "date";
  if (ISO_DATETIME.test(text) || LOCAL_DATETIME.test(text)) return midnight(text) ? "date" : "datetime";
  if (EMAIL.test(text)) return "email";
  if (URL.test(text)) return "url";
  if (UUID.test(text) || OBJECT_ID.test(text)) return "id";
  if (/^[A-Z]{3}$/i.test(text) && CURRENCIES.has(text.toUpperCase())) return "currency_code";
  if ((/^[A-Z]{2}$/.test(text) && COUNTRY_CODES.has(text)) || COUNTRY_NAMES.has(text.toLowerCase())) return "country";
  if (/^\d+(\.\d+)?\s?%$/.test(text)) return "percent";
  if (text.startsWith("+") && PHONE.test(text) && text.replace(/\D/g, "").length >= 7) return "phone";
  if (NUMBER.test(text)) return numberKind(parseLooseNumber(text), text);
  if (currencyAmount(text)) return "decimal";
  if (PHONE.test(text) && text.replace(/\D/g, "").length >= 7 && /[\s()\/.-]/.test(text)) return "phone";
  if (DOMAIN.test(text) && !/\s/.test(text)) return "domain";
  if (SALESFORCE_ID.test(text) && /\d/.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text)) return "id";
  if (CODE_ID.test(text) && !/\s/.test(text)) return "id";
  if (STATUS_WORDS.has(foldSimple(text))) return "status_word";
  if (text.length > 60 || /[.;!?]\s/.test(text)) return "long_text";
  if (PROPER_NAME.test(text) && text.split(" ").length <= 3) return "proper_name";
  return "text";
}

/** "€ 1.200", "1,200 USD", "USD 1200": an amount with its currency sign or a known ISO 4217 code. */
function currencyAmount(text: string): boolean {
  const match = CURRENCY_AMOUNT.exec(text);
  if (match === null) return false;
  const code = match[1] ?? match[2] ?? "";
  return code.length === 1 || CURRENCIES.has(code);
}

function numberKind(value: number, text: string): ValueKind {
  if (!Number.isFinite(value)) return "text";
  if (Number.isInteger(value) && !/[.,]\d{1,2}$/.test(text)) {
    // long digit strings are keys (SAP's zero-padded numbers, HubSpot's 11-digit ids), not quantities
    if (/^0\d+$/.test(text) || text.length >= 10) return "id";
    return "integer";
  }
  if (value > 0 && value < 1) return "fraction";
  return "decimal";
}

function midnight(text: string): boolean {
  return /[T ]00:00(:00(\.0+)?)?\s*(Z|[+-]00(:?00)?)?$/i.test(text);
}

function foldSimple(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[_-]/g, " ");
}

/** "1.250.000,50" / "1,250,000.50" / "1 250 000" → 1250000.5; NaN if it is not a number. */
export function parseLooseNumber(text: string): number {
  const bare = text.replace(/[\s'’]/g, "");
  const lastComma = bare.lastIndexOf(",");
  const lastDot = bare.lastIndexOf(".");
  const decimalMark = lastComma > lastDot && bare.length - lastComma - 1 !== 3 ? "," : lastDot > lastComma && bare.length - lastDot - 1 !== 3 ? "." : null;
  const groups = decimalMark === "," ? /\./g : /,/g;
  const normalized = (decimalMark === null ? bare.replace(/[.,]/g, "") : bare.replace(groups, "")).replace(",", ".");
  return Number(normalized);
}

/** Share of each kind among the field's non-empty samples; numbers also say whether they all lie in 0–1 or 0–100. */
export interface FieldEvidence {
  profile: ValueProfile;
  samples: number;
  /** every numeric sample is within [0, 1] */
  unitInterval: boolean;
  /** every numeric sample is within [0, 100] */
  percentRange: boolean;
}

export function valueEvidence(samples: readonly unknown[] | undefined): FieldEvidence {
  const kinds = (samples ?? []).map(sampleKind).filter((kind): kind is ValueKind => kind !== null);
  const profile: ValueProfile = {};
  for (const kind of kinds) profile[kind] = (profile[kind] ?? 0) + 1 / kinds.length;
  const numbers = (samples ?? [])
    .map((sample) => (typeof sample === "number" ? sample : typeof sample === "string" && NUMBER.test(sample.trim()) ? parseLooseNumber(sample.trim()) : Number.NaN))
    .filter((value) => Number.isFinite(value));
  return {
    profile,
    samples: kinds.length,
    unitInterval: numbers.length > 0 && numbers.every((value) => value >= 0 && value <= 1),
    percentRange: numbers.length > 0 && numbers.every((value) => value >= 0 && value <= 100),
  };
}

/** The kind a source's declared type implies (Salesforce, SQL, Mongo, Dataverse, SAP type names); null if it says nothing. */
export function typeKind(type: string | null | undefined): ValueKind | null {
  const name = (type ?? "").toLowerCase().replace(/\(.*$/, "").trim();
  if (name === "") return null;
  if (/^(email|citext_email)$/.test(name)) return "email";
  if (/^(url|uri|website)$/.test(name)) return "url";
  if (/^phone$/.test(name)) return "phone";
  if (/^(bool|boolean|bit|checkbox)$/.test(name)) return "boolean";
  if (/^(date|dats)$/.test(name)) return "date";
  if (/^(datetime|datetime2|timestamp|timestamptz|timestamp with(out)? time zone|instant|date-time)$/.test(name)) return "datetime";
  if (/^(uuid|objectid|uniqueidentifier|reference|lookup|id|guid|ownerlookup|owner|many2one|customer)$/.test(name)) return "id";
  if (/^(currency|curr|money|monetary|decimal128)$/.test(name)) return "decimal";
  if (/^(cuky)$/.test(name)) return "currency_code";
  if (/^(percent|percentage)$/.test(name)) return "percent";
  if (/^(int|int2|int4|int8|int32|int64|integer|bigint|smallint|long|numc)$/.test(name)) return "integer";
  if (/^(double|float|float8|numeric|decimal|real|number)$/.test(name)) return "decimal";
  if (/^(textarea|html|longtext|richtext|memo)$/.test(name)) return "long_text";
  if (/^(json|jsonb|array|object|text\[\]|set)$/.test(name)) return "json";
  return null;
}

/** Samples' profile, with the declared type counting as a third of the evidence (all of it when there are no samples). */
export function fieldEvidence(samples: readonly unknown[] | undefined, type: string | null | undefined): FieldEvidence {
  const evidence = valueEvidence(samples);
  const declared = typeKind(type);
  if (declared === null) return evidence;
  const share = evidence.samples === 0 ? 1 : 1 / 3;
  const profile: ValueProfile = {};
  for (const [kind, value] of Object.entries(evidence.profile) as [ValueKind, number][]) profile[kind] = value * (1 - share);
  profile[declared] = (profile[declared] ?? 0) + share;
  return { ...evidence, profile, samples: Math.max(evidence.samples, 1) };
}
