/**
 * The REST resources the connector calls, under /services/data/vXX.X: query and queryAll (batches with
 * nextRecordsUrl locators), sobjects/{Object}/describe (304 on If-Modified-Since), PATCH sobjects/{Object}/{Id},
 * upsert by PATCH sobjects/{Object}/{ExternalIdField}/{value}, and POST/PATCH composite/sobjects with per-record results. Every call is authenticated by its bearer token,
 * counted against the org's daily allocation and answered with Sforce-Limit-Info.
 */
import { randomBytes } from "node:crypto";
import errors from "./fixtures/errors.json" with { type: "json" };
import { LOCATOR_IDLE_MS, type Org, type SObjectRecord, fieldNames, locators, orgs, putRecord, sessions } from "./org";
import { parseSoql } from "./soql";

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type ErrorCode = keyof typeof errors;

export function restError(code: ErrorCode, vars: Record<string, string> = {}): Reply {
  const { status, message } = errors[code];
  return { status, body: [{ message: message.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? ""), errorCode: code }] };
}

const DEFAULT_BATCH = 2000;

interface Call {
  method: string;
  /** the path below /services/data/vXX.X/ */
  rest: string;
  version: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export function serveRest(call: Call): Reply {
  const auth = call.headers.authorization;
  const token = typeof auth === "string" && auth.startsWith("Bearer ") ? auth.slice(7) : "";
  const org = orgs.get(sessions.get(token) ?? "");
  if (org === undefined) return restError("INVALID_SESSION_ID");
  org.calls.push({
    method: call.method,
    path: call.url.pathname + call.url.search,
    if_modified_since: headerOf(call, "if-modified-since"),
    query_options: headerOf(call, "sforce-query-options"),
  });
  org.apiUsed += 1;
  const reply = org.apiUsed > org.apiLimit ? restError("REQUEST_LIMIT_EXCEEDED") : route(org, call);
  return { ...reply, headers: { ...reply.headers, "Sforce-Limit-Info": `api-usage=${org.apiUsed}/${org.apiLimit}` } };
}

const headerOf = (call: Call, name: string) => {
  const value = call.headers[name];
  return typeof value === "string" ? value : null;
};

function route(org: Org, call: Call): Reply {
  const parts = call.rest.split("/").filter((part) => part !== "");
  const [head, second, third, fourth] = parts;
  if (call.method === "GET" && (head === "query" || head === "queryAll") && second === undefined) {
    return runQuery(org, call, head === "queryAll");
  }
  if (call.method === "GET" && (head === "query" || head === "queryAll") && second !== undefined) return nextBatch(org, call, second);
  if (head === "sobjects" && second !== undefined && third === "describe" && call.method === "GET") return describe(org, call, second);
  if (head === "sobjects" && second !== undefined && third !== undefined && parts.length === 3 && call.method === "PATCH") {
    return updateOne(org, second, third, call.body);
  }
  if (head === "sobjects" && second !== undefined && third !== undefined && fourth !== undefined && parts.length === 4 && call.method === "PATCH") {
    return upsertByExternalId(org, call.version, second, third, decodeURIComponent(fourth), call.body);
  }
  if (head === "composite" && second === "sobjects" && (call.method === "POST" || call.method === "PATCH")) {
    return composite(org, call.method, call.body);
  }
  return restError("NOT_FOUND");
}

function batchSizeOf(org: Org, call: Call): number {
  // Sforce-Query-Options: batchSize=n is a hint Salesforce honours between 200 and 2000
  const hinted = /batchSize=(\d+)/.exec(headerOf(call, "sforce-query-options") ?? "");
  const size = hinted === null ? DEFAULT_BATCH : Math.min(DEFAULT_BATCH, Math.max(200, Number(hinted[1])));
  return Math.min(size, org.options.max_batch_size ?? DEFAULT_BATCH);
}

function runQuery(org: Org, call: Call, includeDeleted: boolean): Reply {
  const parsed = parseSoql(call.url.searchParams.get("q") ?? "", (object) => fieldNames(org, object));
  if (!parsed.ok) return restError(parsed.errorCode, parsed.vars);
  const since = parsed.since;
  const rows = [...(org.records.get(parsed.object)?.values() ?? [])]
    .filter((record) => includeDeleted || !record.IsDeleted)
    .filter((record) => since === null || Date.parse(record.SystemModstamp.replace("+0000", "Z")) >= since.getTime())
    .sort((a, b) => compare(a.SystemModstamp, b.SystemModstamp) || compare(a.Id, b.Id))
    .map((record) => project(record, parsed.object, parsed.fields, call.version));
  return batch(org, call, rows, rows.length);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function project(record: SObjectRecord, object: string, fields: string[], version: string): SObjectRecord {
  const out: Record<string, unknown> = { attributes: { type: object, url: `/services/data/${version}/sobjects/${object}/${record.Id}` } };
  for (const field of fields) out[field] = record[field] ?? null;
  return out as SObjectRecord;
}

function batch(org: Org, call: Call, rows: SObjectRecord[], totalSize: number): Reply {
  const size = batchSizeOf(org, call);
  const records = rows.slice(0, size);
  const rest = rows.slice(size);
  if (rest.length === 0) return { status: 200, body: { totalSize, done: true, records } };
  const locator = `01g${randomBytes(7).toString("hex").toUpperCase()}`;
  locators.set(locator, { orgId: org.id, rows: rest, version: call.version, usedAt: Date.now() });
  const served = totalSize - rest.length;
  return { status: 200, body: { totalSize, done: false, nextRecordsUrl: `/services/data/${call.version}/query/${locator}-${served}`, records } };
}

function nextBatch(org: Org, call: Call, locatorPart: string): Reply {
  const [locator = "", served = ""] = locatorPart.split("-");
  const state = locators.get(locator);
  // a locator is bound to the org (and user) whose query made it
  if (state === undefined || state.orgId !== org.id || Date.now() - state.usedAt > LOCATOR_IDLE_MS) return restError("INVALID_QUERY_LOCATOR");
  locators.delete(locator);
  const servedCount = Number(served);
  return batch(org, call, state.rows, servedCount + state.rows.length);
}

function describe(org: Org, call: Call, object: string): Reply {
  const entry = org.describes.get(object);
  if (entry === undefined) return restError("NOT_FOUND");
  const headers = { "Last-Modified": entry.modifiedAt.toUTCString() };
  const since = headerOf(call, "if-modified-since");
  // HTTP dates have whole seconds: unchanged since the given second is 304
  if (since !== null && Math.floor(entry.modifiedAt.getTime() / 1000) <= Math.floor(Date.parse(since) / 1000)) {
    return { status: 304, headers };
  }
  return { status: 200, body: entry.body, headers };
}

function updateOne(org: Org, object: string, id: string, body: unknown): Reply {
  const existing = org.records.get(object)?.get(id);
  if (existing === undefined || existing.IsDeleted) return restError("NOT_FOUND");
  const columns = fieldNames(org, object) ?? new Set();
  const fields = Object.keys(body as object);
  const unknown = fields.find((field) => !columns.has(field));
  if (unknown !== undefined) {
    return { status: 400, body: [{ message: `No such column '${unknown}' on sobject of type ${object}`, errorCode: "INVALID_FIELD", fields: [unknown] }] };
  }
  putRecord(org, object, { ...(body as object), Id: id, SystemModstamp: undefined });
  return { status: 204 };
}

interface DescribedField {
  name: string;
  externalId?: boolean;
  caseSensitive?: boolean;
}

/**
 * Upsert by external id (API 46.0+): no record holds the value → 201 and a new record carrying it; one does → 200
 * and that record updated; several do → 300 with their URLs. The field must be an External ID field; values match
 * case-insensitively unless the field is case-sensitive.
 */
function upsertByExternalId(org: Org, version: string, object: string, fieldName: string, key: string, body: unknown): Reply {
  const described = (org.describes.get(object)?.body as { fields: DescribedField[] } | undefined)?.fields;
  const field = described?.find((candidate) => candidate.name === fieldName);
  if (described === undefined || field?.externalId !== true) {
    return { status: 404, body: [{ message: `Provided external ID field does not exist or is not accessible: ${fieldName}`, errorCode: "NOT_FOUND" }] };
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((name) => !described.some((candidate) => candidate.name === name));
  if (unknown !== undefined) {
    return { status: 400, body: [{ message: `No such column '${unknown}' on sobject of type ${object}`, errorCode: "INVALID_FIELD", fields: [unknown] }] };
  }
  const same = (value: unknown) => typeof value === "string" && (field.caseSensitive === true ? value === key : value.toLowerCase() === key.toLowerCase());
  const matches = [...(org.records.get(object)?.values() ?? [])].filter((record) => !record.IsDeleted && same(record[fieldName]));
  if (matches.length > 1) return { status: 300, body: matches.map((record) => `/services/data/${version}/sobjects/${object}/${record.Id}`) };
  const [existing] = matches;
  if (existing === undefined) {
    if (typeof fields.Name !== "string" || fields.Name === "") return restError("REQUIRED_FIELD_MISSING");
    const created = putRecord(org, object, { ...fields, [fieldName]: key, Id: undefined, SystemModstamp: undefined });
    return {
      status: 201,
      body: { id: created.Id, success: true, errors: [], created: true },
      headers: { Location: `/services/data/${version}/sobjects/${object}/${created.Id}` },
    };
  }
  putRecord(org, object, { ...fields, Id: existing.Id, SystemModstamp: undefined });
  return { status: 200, body: { id: existing.Id, success: true, errors: [], created: false } };
}

type CompositeRecord = Record<string, unknown> & { attributes?: { type?: string }; id?: string };

function composite(org: Org, method: string, body: unknown): Reply {
  const request = body as { allOrNone?: boolean; records?: CompositeRecord[] };
  if (!Array.isArray(request.records)) return restError("JSON_PARSER_ERROR");
  return { status: 200, body: request.records.map((record) => saveOne(org, method, record)) };
}

function saveOne(org: Org, method: string, input: CompositeRecord) {
  const object = input.attributes?.type ?? "";
  const columns = fieldNames(org, object);
  const failure = (statusCode: string, message: string, fields: string[]) => ({ success: false, errors: [{ statusCode, message, fields }] });
  if (columns === undefined) return failure("INVALID_TYPE", `sObject type '${object}' is not supported`, []);
  const { attributes: _attributes, id, ...fields } = input;
  const unknown = Object.keys(fields).find((field) => !columns.has(field));
  if (unknown !== undefined) return failure("INVALID_FIELD", `No such column '${unknown}' on sobject of type ${object}`, [unknown]);
  if (method === "POST") {
    if (typeof fields.Name !== "string" || fields.Name === "") return failure("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", ["Name"]);
    const created = putRecord(org, object, { ...fields, Id: undefined, SystemModstamp: undefined });
    return { id: created.Id, success: true, errors: [] };
  }
  if (typeof id !== "string" || !/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(id)) return failure("MALFORMED_ID", `malformed id ${String(id)}`, ["Id"]);
  const existing = org.records.get(object)?.get(id);
  if (existing === undefined) return failure("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", ["Id"]);
  if (existing.IsDeleted) return failure("ENTITY_IS_DELETED", "entity is deleted", []);
  putRecord(org, object, { ...fields, Id: id, SystemModstamp: undefined });
  return { id, success: true, errors: [] };
}
