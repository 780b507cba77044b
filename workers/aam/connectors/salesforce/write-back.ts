/**
 * Writes to Salesforce: one record by PATCH /sobjects/{Object}/{Id} (204 on success), one create-or-update by
 * PATCH /sobjects/{Object}/{ExternalIdField}/{value} (201 created, 200 updated: safe to retry), many by
 * /composite/sobjects (POST creates, PATCH updates, up to 200 a call, allOrNone false) with a result per record in
 * input order, so one bad record is reported without failing its neighbours.
 */
import { z } from "@hono/zod-openapi";
import { SalesforceError } from "./errors";
import type { SalesforceSession } from "./session";
import { assertIdentifier } from "./soql";

const COMPOSITE_LIMIT = 200;

export const SaveResultSchema = z.object({
  id: z.string().nullish(),
  success: z.boolean(),
  errors: z.array(z.object({ statusCode: z.string(), message: z.string(), fields: z.array(z.string()).default([]) })),
});

export type SaveOutcome =
  | { ok: true; record_id: string; status: "created" | "updated" }
  | { ok: false; record_id: string | null; errors: { code: string; message: string; fields: string[] }[] };

export interface RecordChange {
  /** absent: create */
  id?: string;
  fields: Record<string, unknown>;
}

/** Succeeds or throws: a single PATCH has no partial result. */
export async function updateRecord(
  session: SalesforceSession,
  object: string,
  id: string,
  fields: Record<string, unknown>,
): Promise<Extract<SaveOutcome, { ok: true }>> {
  const path = `sobjects/${assertIdentifier(object, "object")}/${encodeURIComponent(id)}`;
  await session.request(path, { method: "PATCH", body: fields });
  return { ok: true, record_id: id, status: "updated" };
}

export const UpsertResultSchema = SaveResultSchema.extend({ id: z.string().min(1), created: z.boolean() });

/**
 * Creates the record holding `key` in `field` (an External ID field), or updates the one that already does: a
 * retried create finds the record its first attempt made. The key travels only in the URL.
 */
export async function upsertByExternalId(
  session: SalesforceSession,
  input: { object: string; field: string; key: string; fields: Record<string, unknown> },
): Promise<Extract<SaveOutcome, { ok: true }>> {
  const path = `sobjects/${assertIdentifier(input.object, "object")}/${assertIdentifier(input.field, "field")}/${encodeURIComponent(input.key)}`;
  const { [input.field]: _key, ...fields } = input.fields;
  const response = await session.request(path, { method: "PATCH", body: fields });
  const result = UpsertResultSchema.parse(await response.json());
  return { ok: true, record_id: result.id, status: response.status === 201 ? "created" : "updated" };
}

export async function saveRecords(session: SalesforceSession, object: string, changes: RecordChange[]): Promise<SaveOutcome[]> {
  assertIdentifier(object, "object");
  const outcomes = new Array<SaveOutcome>(changes.length);
  const creates = changes.flatMap((change, index) => (change.id === undefined ? [index] : []));
  const updates = changes.flatMap((change, index) => (change.id === undefined ? [] : [index]));
  for (const [method, indexes] of [["POST", creates], ["PATCH", updates]] as const) {
    for (let start = 0; start < indexes.length; start += COMPOSITE_LIMIT) {
      const chunk = indexes.slice(start, start + COMPOSITE_LIMIT);
      const records = chunk.map((index) => {
        const change = changes[index] as RecordChange;
        return { attributes: { type: object }, ...change.fields, ...(change.id === undefined ? {} : { id: change.id }) };
      });
      const response = await session.request("composite/sobjects", { method, body: { allOrNone: false, records } });
      const results = z.array(SaveResultSchema).parse(await response.json());
      if (results.length !== chunk.length) {
        throw new SalesforceError("unreachable", "RESULT_COUNT_MISMATCH", `${chunk.length} records sent, ${results.length} results returned`, response.status);
      }
      chunk.forEach((index, at) => {
        outcomes[index] = outcomeOf(results[at] as z.infer<typeof SaveResultSchema>, changes[index]?.id, method);
      });
    }
  }
  return outcomes;
}

function outcomeOf(result: z.infer<typeof SaveResultSchema>, sentId: string | undefined, method: "POST" | "PATCH"): SaveOutcome {
  const id = result.id ?? sentId ?? null;
  if (result.success && id !== null) return { ok: true, record_id: id, status: method === "POST" ? "created" : "updated" };
  return { ok: false, record_id: id, errors: result.errors.map(({ statusCode, message, fields }) => ({ code: statusCode, message, fields })) };
}
