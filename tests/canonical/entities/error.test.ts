import { describe, expect, it } from "vitest";
import { entitySchemas } from "../../../workers/canonical/entities";
import { account, contact, opportunity } from "../examples";

function failure(entity: keyof typeof entitySchemas, data: unknown): { path: string; message: string }[] {
  const result = entitySchemas[entity].safeParse(data);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

type Row = [label: string, entity: keyof typeof entitySchemas, data: unknown, path: string];

const rows: Row[] = [
  ["missing source_id", "account", { ...account, source_id: "" }, "source_id"],
  ["blank name", "account", { ...account, name: "  " }, "name"],
  ["lowercase currency", "account", { ...account, currency: "eur" }, "currency"],
  ["currency symbol", "account", { ...account, currency: "€" }, "currency"],
  ["revenue without currency", "account", { ...account, currency: null }, "currency"],
  ["revenue as text", "account", { ...account, annual_revenue: "1.234,56" }, "annual_revenue"],
  ["infinite revenue", "account", { ...account, annual_revenue: Number.POSITIVE_INFINITY }, "annual_revenue"],
  ["fractional employees", "account", { ...account, employee_count: 1.5 }, "employee_count"],
  ["negative employees", "account", { ...account, employee_count: -1 }, "employee_count"],
  ["datetime with offset (not UTC)", "account", { ...account, created_at: "2024-01-15T10:30:00+01:00" }, "created_at"],
  ["date as datetime", "account", { ...account, updated_at: "2024-01-15" }, "updated_at"],
  ["missing key (null must be explicit)", "account", (({ industry: _i, ...rest }) => rest)(account), "industry"],
  ["unknown field", "account", { ...account, revenue: 1 }, ""],
  ["extras not an object", "account", { ...account, extras: [] }, "extras"],
  ["status outside open|won|lost", "opportunity", { ...opportunity, status: "closed" }, "status"],
  ["status null", "opportunity", { ...opportunity, status: null }, "status"],
  ["probability over 100", "opportunity", { ...opportunity, probability: 101 }, "probability"],
  ["probability negative", "opportunity", { ...opportunity, probability: -1 }, "probability"],
  ["impossible close date", "opportunity", { ...opportunity, close_date: "2025-02-30" }, "close_date"],
  ["close date with time", "opportunity", { ...opportunity, close_date: "2025-12-31T00:00:00Z" }, "close_date"],
  ["amount without currency", "opportunity", { ...opportunity, currency: null }, "currency"],
  ["contact with no name and no e-mail", "contact", { ...contact, email: null }, "last_name"],
  ["bad e-mail", "contact", { ...contact, email: "ada at acme" }, "email"],
];

describe("invalid canonical data", () => {
  it.each(rows)("%s", (_label, entity, data, path) => {
    expect(failure(entity, data).map((i) => i.path)).toContain(path);
  });
});
