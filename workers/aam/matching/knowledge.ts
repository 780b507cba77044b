/**
 * What the matcher knows about each canonical target: its description (from the entity's zod schema), the words
 * sources use for it in English, German, French, Spanish, Portuguese, Italian and Dutch (full phrases; a `~` marks
 * a weaker, indirect phrase), the value kinds it holds, and qualifiers that mark a *different* field of the same
 * family (a fax is not the phone, a shipping city not the billing city). The targets themselves come from
 * `entitySchemas`: `extras` is where unmapped fields go, never a target.
 */
import { entityFields, entitySchemas } from "../../canonical/entities";
import type { EntityName } from "../../canonical/names";
import { BASE_VOCABULARY, splitWords, textTokens } from "./lexical";
import { WordIndex, type Phrase } from "./phrases";
import type { ValueKind } from "./values";

/** How well each value kind fits a target, −1…1; kinds not listed get `otherKinds`. */
export interface KindFit {
  fits: Partial<Record<ValueKind, number>>;
  otherKinds: number;
}

export interface TargetKnowledge {
  target: string;
  description: string;
  phrases: string[];
  kinds: KindFit;
  /** words in a field that mean it is a sibling of this target, not the target */
  qualifiers: string[];
  /** numeric range the values must lie in, when the target has one */
  range?: "percent";
}

/** A target's knowledge with its phrases and qualifiers in token form, as the scorer uses them. */
export interface PreparedTarget extends TargetKnowledge {
  tokenized: Phrase[];
  /** phrase word → the phrases holding it, so a field is scored only against phrases sharing a word with it */
  phrasesByWord: ReadonlyMap<string, readonly Phrase[]>;
  qualifierWords: ReadonlySet<string>;
}

/** Words for each entity, used to build `<entity> id`, `<entity> name` phrases. */
const ENTITY_WORDS: Record<EntityName, string[]> = {
  account: ["account", "company", "organization", "organisation", "customer", "client", "firm", "business", "unternehmen", "firma", "firmen", "kunde", "kunden", "societe", "entreprise", "empresa", "cliente", "azienda", "bedrijf", "klant", "organisatie"],
  opportunity: ["opportunity", "deal", "oportunidad", "oportunidade", "opportunite", "affaire", "verkaufschance", "chance", "opportunita", "trattativa", "kans", "verkoopkans"],
  contact: ["contact", "person", "people", "kontakt", "ansprechpartner", "contacto", "contato", "contatto", "persona", "personne"],
  cost: ["cost", "charge", "line item", "kosten", "cout", "costo", "custo", "kost"],
};

const ID: KindFit = { fits: { id: 1, integer: 0.7, text: 0.1, proper_name: -0.2 }, otherKinds: -0.8 };
const INSTANT: KindFit = { fits: { datetime: 1, date: 0.6 }, otherKinds: -1 };
const DAY: KindFit = { fits: { date: 1, datetime: 0.6 }, otherKinds: -1 };
const MONEY: KindFit = { fits: { decimal: 1, integer: 0.9, fraction: 0.2 }, otherKinds: -1 };
const LABEL: KindFit = { fits: { text: 0.8, proper_name: 0.7, status_word: 0.2, integer: 0.1, id: 0.1 }, otherKinds: -0.6 };
const PLACE: KindFit = { fits: { proper_name: 0.9, text: 0.6, country: -0.4 }, otherKinds: -0.7 };
const COUNTRY: KindFit = { fits: { country: 1, proper_name: 0.4, text: 0.3, id: 0.1 }, otherKinds: -0.7 };
const PHONE: KindFit = { fits: { phone: 1 }, otherKinds: -0.8 };
const FREE_TEXT: KindFit = { fits: { long_text: 1, text: 0.4, proper_name: 0.1 }, otherKinds: -0.6 };
const PERSON: KindFit = { fits: { proper_name: 1, text: 0.6 }, otherKinds: -0.8 };

const ALT_PHONE = ["fax", "telefax", "home", "other", "assistant", "secondary", "alternate", "alt", "privat", "private", "domicile", "casa"];
/** "shipping", "delivery" in the supported languages: the address a billing or mailing field is not. */
const SHIPPING = ["shipping", "delivery", "lieferung", "lieferadresse", "versand", "livraison", "expedition", "envio", "entrega", "spedizione", "consegna", "levering", "verzending", "aflevering"];
const BILLING = ["billing", "invoice", "rechnung", "rechnungs", "facturation", "facture", "facturacion", "faturamento", "cobranca", "fatturazione", "facturatie", "factuur"];
const NOT_BILLING = [...SHIPPING, "other", "home", "headquarters", "hq", "mailing", "birth", "nascimento", "geburtsort"];
const NOT_MAILING = [...SHIPPING, ...BILLING, "other", "home", "previous", "birth", "nascimento", "geburtsort"];
const NOT_STAMP = ["by", "user", "von", "par", "por", "da", "door"];

function timestampPhrases(kind: "created" | "updated"): string[] {
  return kind === "created"
    ? ["created", "created at", "created date", "created on", "create date", "creation date", "creation time", "date created", "inserted", "inserted at", "insert timestamp", "created timestamp", "creation timestamp", "add time", "added", "date added", "record created", "registered", "registered at", "registration date", "date registered", "~signup date", "data de cadastro", "cadastrado em", "fecha de alta", "fecha de registro", "date d inscription", "data di registrazione", "registriert am", "erstellt", "erstellt am", "angelegt am", "erstellungsdatum", "erstellungszeit", "anlagedatum", "date de creation", "cree le", "fecha de creacion", "fecha creacion", "creado", "data de criacao", "criado em", "data di creazione", "creato il", "aangemaakt", "aanmaakdatum", "gemaakt op"]
    : ["updated", "updated at", "last updated", "last modified", "last modified date", "modified", "modified on", "modified at", "modified date", "modification date", "modification time", "update time", "update date", "changed", "changed at", "last changed", "date modified", "write date", "updated timestamp", "geandert", "geandert am", "letzte anderung", "anderungsdatum", "anderungszeit", "aktualisiert", "date de modification", "modifie le", "derniere modification", "mis a jour", "fecha de modificacion", "ultima modificacion", "actualizado", "data de modificacao", "atualizado em", "data di modifica", "ultima modifica", "gewijzigd", "laatst gewijzigd", "wijzigingsdatum"];
}

/** Knowledge keyed by target name; a function of the entity where the same name means different things. */
function knowledgeFor(entity: EntityName, target: string): Omit<TargetKnowledge, "target" | "description"> {
  const own = ENTITY_WORDS[entity];
  switch (target) {
    case "source_id":
      return {
        phrases: ["id", "identifier", "record id", "uuid", "guid", "object id", "primary key", "pk", "key", "identifiant", "identificador", "identificativo", "kennung", "datensatz id", "id registro", "~code", "~codigo", "~codice", "~ref", "~reference", "~referencia", "~numero", "~nummer", ...own.flatMap((word) => [`${word} id`, `~${word} number`, `~${word} nummer`, `~${word}nummer`, `~${word} key`, `id ${word}`, `~numero ${word}`])],
        kinds: ID,
        qualifiers: ["parent", "master", "external", "ext", "crm", "stripe", "hubspot", "salesforce", "legacy", "old", "previous", "related", "tenant", "workspace", "org", "organization", "user", "auth", "created", "modified", "owner", "campaign", "pipeline", "version"],
      };
    case "account_id":
      return {
        phrases: ENTITY_WORDS.account.flatMap((word) => [`${word} id`, `~${word}`, `~${word} name`, `${word} ref`, `${word} reference`, `id ${word}`, `~${word} number`]),
        kinds: { fits: { id: 1, integer: 0.7, text: 0.2, proper_name: 0.3 }, otherKinds: -0.8 },
        qualifiers: ["parent", "master", "external", "ext", "crm", "stripe", "hubspot", "legacy", "previous", "tenant", "workspace", "billing"],
      };
    case "name":
      return entity === "opportunity"
        ? { phrases: ["name", "title", "subject", "deal name", "opportunity name", "deal title", "bezeichnung", "titel", "nom", "titre", "intitule", "nombre", "titulo", "nome", "titolo", "naam", "nom de l opportunite", "nombre de la oportunidad", ...own.map((word) => `${word} name`)], kinds: { fits: { text: 1, proper_name: 0.8, long_text: -0.2 }, otherKinds: -0.7 }, qualifiers: ["legal", "display", "full", "short", "dba", "first", "last", "stage", "pipeline", "owner", "user", "contact", "product", "lead", "created", "modified", "by", ...ENTITY_WORDS.account, ...ENTITY_WORDS.contact] }
        : { phrases: ["name", "company name", "account name", "organization name", "business name", "name 1", "firmenname", "firma", "unternehmensname", "raison sociale", "nom", "nom de l entreprise", "nombre", "razon social", "nome", "ragione sociale", "naam", "bedrijfsnaam", ...own.map((word) => `${word} name`)], kinds: { fits: { proper_name: 1, text: 0.9, long_text: -0.3 }, otherKinds: -0.7 }, qualifiers: ["legal", "display", "full", "short", "dba", "first", "last", "parent", "owner", "created", "modified", "by", "user", "contact", "domain", "stage", "2", "previous", "trading"] };
    case "industry":
      return { phrases: ["industry", "sector", "vertical", "branch", "line of business", "business type", "branche", "wirtschaftszweig", "secteur", "secteur d activite", "industrie", "sector industrial", "industria", "setor", "settore", "sector", "bedrijfstak"], kinds: LABEL, qualifiers: ["code", "sic", "naics", "nace"] };
    case "annual_revenue":
      return { phrases: ["annual revenue", "revenue", "yearly revenue", "turnover", "annual turnover", "sales volume", "annual sales", "umsatz", "jahresumsatz", "chiffre d affaires", "ca annuel", "ingresos", "ingresos anuales", "facturacion", "receita", "faturamento", "receita anual", "fatturato", "ricavi", "omzet", "jaaromzet"], kinds: MONEY, qualifiers: ["recurring", "expected", "forecast", "weighted", "year", "tax", "steuer", "mrr", "arr", "growth"] };
    case "currency":
      return { phrases: ["currency", "currency code", "currency iso code", "iso currency", "waehrung", "wahrung", "devise", "monnaie", "moneda", "divisa", "moeda", "valuta", "munt"], kinds: { fits: { currency_code: 1 }, otherKinds: -1 }, qualifiers: [] };
    case "employee_count":
      return { phrases: ["employee count", "employees", "number of employees", "headcount", "staff count", "employee number", "workforce", "staff", "fte", "mitarbeiter", "anzahl mitarbeiter", "mitarbeiterzahl", "beschaftigte", "effectif", "nombre d employes", "salaries", "empleados", "numero de empleados", "plantilla", "funcionarios", "numero de funcionarios", "dipendenti", "numero di dipendenti", "medewerkers", "aantal medewerkers", "werknemers"], kinds: { fits: { integer: 1, decimal: 0.2 }, otherKinds: -1 }, qualifiers: ["range", "band", "size", "growth", "cost"] };
    case "website":
      return { phrases: ["website", "web site", "url", "web", "homepage", "domain", "site", "web address", "website url", "company domain", "webseite", "internetseite", "site web", "site internet", "sitio web", "pagina web", "sito web", "sito", "webadres"], kinds: { fits: { url: 1, domain: 1 }, otherKinds: -0.8 }, qualifiers: ["linkedin", "twitter", "facebook", "social", "logo", "image", "avatar", "email"] };
    case "phone":
      return { phrases: ["phone", "telephone", "phone number", "main phone", "business phone", "work phone", "office phone", "company phone", "tel", "telefon", "telefonnummer", "telefon 1", "telephone 1", "festnetz", "telephone fixe", "telefono", "telefone", "telefoonnummer", "telefoon", "numero de telephone", "numero de telefono", ...own.map((word) => `${word} phone`)], kinds: PHONE, qualifiers: [...ALT_PHONE, ...(entity === "contact" ? ["mobile", "cellphone", "mobil", "portable", "movil", "celular", "cellulare"] : [])] };
    case "mobile_phone":
      return { phrases: ["mobile", "mobile phone", "mobile number", "cellphone", "cell phone", "mobil", "mobiltelefon", "mobilnummer", "handy", "portable", "telephone portable", "telephone mobile", "movil", "telefono movil", "celular", "telemovel", "cellulare", "mobiel", "mobiele telefoon", "gsm"], kinds: PHONE, qualifiers: ALT_PHONE };
    case "billing_city":
      return { phrases: ["billing city", "city", "invoice city", "address city", "town", "ort", "stadt", "rechnungsort", "ville", "ville de facturation", "ciudad", "localidad", "cidade", "citta", "comune", "plaats", "stad", "woonplaats", "~headquarters city", ...BILLING.map((word) => `${word} city`), "ville de facturation", "ciudad de facturacion", "cidade de cobranca", "citta di fatturazione", "factuurplaats", "rechnungsort"], kinds: PLACE, qualifiers: NOT_BILLING };
    case "billing_country":
      return { phrases: ["billing country", "country", "country code", "invoice country", "address country", "country region", "land", "lander", "landerschlussel", "rechnungsland", "pays", "pays de facturation", "pais", "paese", "nazione", "~headquarters country", ...BILLING.map((word) => `${word} country`), "pays de facturation", "pais de facturacion", "pais de cobranca", "paese di fatturazione", "factuurland", "rechnungsland"], kinds: COUNTRY, qualifiers: NOT_BILLING };
    case "mailing_city":
      return { phrases: ["mailing city", "city", "address city", "postal city", "town", "ort", "stadt", "wohnort", "postalischer ort", "ville", "ciudad", "localidad", "cidade", "citta", "plaats", "stad", "woonplaats"], kinds: PLACE, qualifiers: NOT_MAILING };
    case "mailing_country":
      return { phrases: ["mailing country", "country", "country code", "address country", "country region", "postal country", "land", "postalisches land", "pays", "pais", "paese", "nazione"], kinds: COUNTRY, qualifiers: NOT_MAILING };
    case "owner":
      return { phrases: ["owner", "owner id", "record owner", "account owner", "deal owner", "contact owner", "assigned to", "assignee", "account manager", "sales rep", "representative", "salesperson", "sales person", "sales owner", "user", "~user id", "responsible", "inhaber", "besitzer", "verantwortlich", "zustandig", "sachbearbeiter", "betreuer", "kundenbetreuer", "vertriebsmitarbeiter", "kontaktinhaber", "proprietaire", "responsable", "commercial", "propietario", "vendedor", "proprietario", "responsavel", "responsabile", "eigenaar", "accountmanager", "verantwoordelijke"], kinds: { fits: { id: 1, integer: 0.7, proper_name: 0.8, email: 0.6, text: 0.4 }, otherKinds: -0.8 }, qualifiers: ["created", "modified", "previous", "erstellt", "team", "group", "csm", "success", "auth", "last"] };
    case "description":
      return { phrases: ["description", "notes", "note", "comment", "comments", "about", "summary", "details", "memo", "remarks", "beschreibung", "notizen", "bemerkung", "kommentar", "description", "commentaire", "remarques", "descripcion", "notas", "comentarios", "descricao", "observacoes", "descrizione", "note", "omschrijving", "opmerkingen"], kinds: FREE_TEXT, qualifiers: ["internal", "short", "reason", "lost", "step"] };
    case "stage":
      return { phrases: ["stage", "stage name", "sales stage", "deal stage", "pipeline stage", "phase", "step", "etappe", "phase de vente", "verkaufsphase", "vertriebsphase", "etape", "etapa", "fase", "fase de venta", "stadium", "fase di vendita"], kinds: LABEL, qualifiers: ["changed", "entered", "date", "previous", "last", "next", "history", "duration", "probability"] };
    case "amount":
      return { phrases: ["amount", "value", "deal value", "deal amount", "opportunity amount", "total", "total amount", "price", "betrag", "wert", "auftragswert", "volumen", "montant", "valeur", "importe", "monto", "valor", "montante", "importo", "valore", "bedrag", "waarde"], kinds: MONEY, qualifiers: ["weighted", "expected", "forecast", "recurring", "converted", "usd", "eur", "home", "corporate", "discount", "tax", "quantity", "gewichtet", "pondere", "ponderado"] };
    case "close_date":
      return { phrases: ["close date", "closing date", "expected close date", "expected close", "close", "target close date", "estimated close date", "abschlussdatum", "erwarteter abschluss", "date de cloture", "date de cloture prevue", "fecha de cierre", "fecha de cierre prevista", "data de fechamento", "data di chiusura", "sluitingsdatum", "verwachte sluitdatum", "~closed date", "~date closed", "~closed on", "~won date", "~date won"], kinds: DAY, qualifiers: ["actual", "lost", "created", "last", "activity"] };
    case "probability":
      return { phrases: ["probability", "win probability", "probability percent", "likelihood", "chance", "success probability", "deal probability", "confidence", "wahrscheinlichkeit", "abschlusswahrscheinlichkeit", "probabilite", "probabilidad", "probabilidade", "probabilita", "kans", "waarschijnlijkheid"], kinds: { fits: { percent: 1, integer: 0.8, decimal: 0.7, fraction: 0.9 }, otherKinds: -1 }, qualifiers: ["forecast category"], range: "percent" };
    case "status":
      return { phrases: ["status", "state", "outcome", "result", "won", "closed won", "is won", "win", "deal status", "opportunity status", "won lost", "zustand", "ergebnis", "gewonnen", "statut", "etat", "resultat", "gagne", "estado", "resultado", "ganada", "situacao", "stato", "esito", "vinta", "uitkomst", "gewonnen"], kinds: { fits: { status_word: 1, boolean: 0.9, text: 0.2 }, otherKinds: -0.6 }, qualifiers: ["closed", "private", "deleted", "archived", "email", "verified", "delivery", "installation", "sync", "payment"] };
    case "type":
      return { phrases: ["type", "deal type", "opportunity type", "kind", "business type", "category", "typ", "art", "geschaftsart", "type d affaire", "tipo", "tipo de oportunidad", "tipo di opportunita", "soort", ...own.map((word) => `${word} type`)], kinds: LABEL, qualifiers: ["record", "contact", "payment", "account", "lead", "forecast", "product", "file", "mime"] };
    case "lead_source":
      return { phrases: ["lead source", "source", "origin", "channel", "acquisition channel", "original source", "source type", "referral source", "marketing source", "how found", "lead quelle", "quelle", "herkunft", "leadquelle", "source du lead", "origine", "provenance", "origen", "fuente", "origen del cliente potencial", "fonte", "origem", "origine del lead", "bron", "leadbron"], kinds: LABEL, qualifiers: ["utm", "campaign", "enrichment", "data", "system", "sync", "import", "record", "id"] };
    case "first_name":
      return { phrases: ["first name", "given name", "forename", "firstname", "first", "vorname", "prenom", "nombre", "nome", "primeiro nome", "nome proprio", "voornaam", "roepnaam", "~name first"], kinds: PERSON, qualifiers: ["last", "middle", "full", "display", "company", "account", "nickname"] };
    case "last_name":
      return { phrases: ["last name", "family name", "surname", "lastname", "last", "nachname", "familienname", "nom de famille", "~nom", "apellido", "apellidos", "sobrenome", "cognome", "achternaam", "~name last"], kinds: { fits: { proper_name: 1, text: 0.8 }, otherKinds: -0.8 }, qualifiers: ["first", "middle", "full", "display", "company", "account", "login", "seen", "activity", "contacted", "modified", "updated"] };
    case "email":
      return { phrases: ["email", "email address", "e mail", "mail", "work email", "business email", "primary email", "e mail adresse", "courriel", "adresse e mail", "adresse mail", "correo", "correo electronico", "endereco de email", "posta elettronica", "e mailadres"], kinds: { fits: { email: 1 }, otherKinds: -1 }, qualifiers: ["secondary", "other", "alternate", "alt", "personal", "bounced", "opt", "verified", "2", "sekundare", "billing", "invoice"] };
    case "title":
      return { phrases: ["title", "job title", "position", "role", "job", "designation", "function", "job function", "berufsbezeichnung", "stellenbezeichnung", "funktion", "position", "titel", "fonction", "poste", "intitule de poste", "cargo", "puesto", "funcao", "titolo", "ruolo", "mansione", "functie", "functietitel"], kinds: LABEL, qualifiers: ["seniority", "level", "salutation", "anrede", "civilite"] };
    case "department":
      return { phrases: ["department", "dept", "division", "team", "business unit", "abteilung", "bereich", "service", "departement", "departamento", "area", "dipartimento", "reparto", "afdeling"], kinds: LABEL, qualifiers: [] };
    case "created_at":
      return { phrases: timestampPhrases("created"), kinds: INSTANT, qualifiers: NOT_STAMP };
    case "updated_at":
      return { phrases: timestampPhrases("updated"), kinds: INSTANT, qualifiers: [...NOT_STAMP, "system", "modstamp", "consent", "stage", "status", "password"] };
    default:
      // a target the schemas gained that nobody described yet: matched on its own name and description only
      return { phrases: [target.replace(/_/g, " ")], kinds: { fits: {}, otherKinds: 0 }, qualifiers: [] };
  }
}

function describe(entity: EntityName, target: string): string {
  const field = (entitySchemas[entity].shape as Record<string, { description?: string }>)[target];
  return field?.description ?? target.replace(/_/g, " ");
}

/** Every target of the entity (its schema's fields but `extras`) with what the matcher knows about it. */
export function entityKnowledge(entity: EntityName): TargetKnowledge[] {
  return entityFields(entity)
    .filter((target) => target !== "extras")
    .map((target) => ({ target, description: describe(entity, target), ...knowledgeFor(entity, target) }));
}

const ENTITIES = Object.keys(entitySchemas) as EntityName[];

/** Every word the knowledge spells (before abbreviation expansion): the pieces compounds are split into. */
export const vocabulary: ReadonlySet<string> = new Set([
  ...BASE_VOCABULARY,
  ...ENTITIES.flatMap((entity) => entityKnowledge(entity).flatMap((known) => [...known.phrases, ...known.qualifiers].flatMap(splitWords))),
  // words field names run together that name no target, so compounds holding them still split
  "address", "create", "update", "modify", "modified", "last", "first", "full", "middle", "primary", "secondary",
  "other", "home", "work", "business", "parent", "master", "record", "owner", "user", "count", "open", "closed", "deals",
  "lifecycle", "stage", "num", "associated", "contacts", "forecast", "analytics", "preferred", "method", "allow",
  "emails", "birth", "email", "job", "postal", "zip", "street", "state", "region", "province", "postleitzahl",
]);

const prepared = new Map<EntityName, PreparedTarget[]>();
const wordIndexes = new Map<EntityName, WordIndex>();

/** The entity's phrase words, indexed for lookup by resemblance. */
export function entityWordIndex(entity: EntityName): WordIndex {
  const known = wordIndexes.get(entity);
  if (known !== undefined) return known;
  const built = new WordIndex(preparedTargets(entity).flatMap((target) => target.tokenized.flatMap((phrase) => phrase.words)));
  wordIndexes.set(entity, built);
  return built;
}

export function preparedTargets(entity: EntityName): PreparedTarget[] {
  const known = prepared.get(entity);
  if (known !== undefined) return known;
  const built = entityKnowledge(entity).map((target) => {
    const tokenized = target.phrases.map((phrase) => ({
      words: textTokens(phrase.replace(/^~/, ""), vocabulary),
      strength: phrase.startsWith("~") ? 0.8 : 1,
    }));
    const phrasesByWord = new Map<string, Phrase[]>();
    for (const phrase of tokenized) for (const word of new Set(phrase.words)) phrasesByWord.set(word, [...(phrasesByWord.get(word) ?? []), phrase]);
    return { ...target, tokenized, phrasesByWord, qualifierWords: new Set(target.qualifiers.flatMap((qualifier) => textTokens(qualifier, vocabulary))) };
  });
  prepared.set(entity, built);
  return built;
}
