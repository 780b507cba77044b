/**
 * Relationship inference: which fields of opportunity and contact source objects are foreign keys to an accounts
 * object. A field (the canonical `account_id`, or any `extras.<key>` such as a Mongo `companyId`) points at an
 * accounts object when at least MIN_COVERAGE of its non-null values are record ids of that object and at least
 * MIN_MATCHED do. `account_id` is compared with the same connection's accounts only (it is the source's own
 * foreign key); extras fields also with other connections' (they may carry another system's ids).
 */
import { z } from "@hono/zod-openapi";
import { compareText } from "../materialize/record-key";
import type { SourceRecord, ViewStore } from "../materialize/store";

export const MIN_COVERAGE = 0.8;
export const MIN_MATCHED = 3;

export const InferredRelationshipSchema = z
  .object({
    from: z.object({ connection_id: z.string(), object: z.string(), field: z.string().openapi({ example: "extras.companyId" }) }),
    to: z.object({ connection_id: z.string(), object: z.string() }),
    coverage: z.number().min(0).max(1).openapi({ description: "Share of the field's non-null values that are record ids of `to`" }),
    matched: z.number().int(),
    total: z.number().int().openapi({ description: "Non-null values of the field" }),
  })
  .openapi("InferredRelationship");
export type InferredRelationship = z.infer<typeof InferredRelationshipSchema>;

const keyValue = (value: unknown): string | null =>
  typeof value === "number" ? String(value) : typeof value === "string" && value.trim() !== "" ? value.trim() : null;

function groupValues(records: SourceRecord[]): Map<string, { connection_id: string; object: string; fields: Map<string, string[]> }> {
  const groups = new Map<string, { connection_id: string; object: string; fields: Map<string, string[]> }>();
  for (const r of records) {
    const groupKey = JSON.stringify([r.connectionId, r.object]);
    const group = groups.get(groupKey) ?? { connection_id: r.connectionId, object: r.object, fields: new Map<string, string[]>() };
    groups.set(groupKey, group);
    const values: [string, unknown][] = [["account_id", r.sourceAccountId], ...Object.entries(r.data.extras as Record<string, unknown>).map(([k, v]): [string, unknown] => [`extras.${k}`, v])];
    for (const [field, raw] of values) {
      const value = keyValue(raw);
      if (value !== null) group.fields.set(field, [...(group.fields.get(field) ?? []), value]);
    }
  }
  return groups;
}

/** Relationships from live source records: `referrers` (opportunities, contacts) and `accounts`. */
export function inferFrom(referrers: SourceRecord[], accounts: SourceRecord[]): InferredRelationship[] {
  const targets = new Map<string, { connection_id: string; object: string; ids: Set<string> }>();
  for (const a of accounts) {
    const key = JSON.stringify([a.connectionId, a.object]);
    const target = targets.get(key) ?? { connection_id: a.connectionId, object: a.object, ids: new Set<string>() };
    target.ids.add(a.recordId);
    targets.set(key, target);
  }
  const found: InferredRelationship[] = [];
  for (const group of groupValues(referrers).values()) {
    for (const [field, values] of group.fields) {
      for (const target of targets.values()) {
        if (field === "account_id" && target.connection_id !== group.connection_id) continue;
        const matched = values.filter((v) => target.ids.has(v)).length;
        const coverage = matched / values.length;
        if (matched < MIN_MATCHED || coverage < MIN_COVERAGE) continue;
        found.push({
          from: { connection_id: group.connection_id, object: group.object, field },
          to: { connection_id: target.connection_id, object: target.object },
          coverage: Math.round(coverage * 1000) / 1000,
          matched,
          total: values.length,
        });
      }
    }
  }
  const order = (r: InferredRelationship) => JSON.stringify([r.from.connection_id, r.from.object, r.from.field, r.to.connection_id, r.to.object]);
  return found.sort((a, b) => compareText(order(a), order(b)));
}

export async function inferRelationships(store: ViewStore): Promise<InferredRelationship[]> {
  const live = (records: SourceRecord[]) => records.filter((r) => r.op === "upsert");
  return inferFrom(live(await store.recordsOf(["opportunity", "contact"])), live(await store.recordsOf(["account"])));
}
