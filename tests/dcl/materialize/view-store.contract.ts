/**
 * What the materializer must do whatever store holds the stream and views (d1-/neon-view-store.test.ts): the
 * events go through the stream store port and the Worker's CANONICAL_QUEUE handler with the store's env, and the
 * views are read back through the query runner of that store.
 */
import { describe, expect, it } from "vitest";
import { withViewStore } from "../../../workers/dcl/materialize/for-env";
import { rebuildViews } from "../../../workers/dcl/materialize/rebuild";
import { accountEvent, contactEvent, costEvent, opportunityEvent } from "../../helpers/dcl";
import { appendTo, type DclStoreUnderTest, materializeIn, viewRowsIn, viewsText } from "../../helpers/dcl-store";
import { newTenant } from "../../helpers/pipeline";

const day = (d: string) => `2026-0${d}T10:00:00.000Z`;

export function describeViewStore(name: string, under: () => DclStoreUnderTest): void {
  describe(`materializer on ${name}`, () => {
    const tenant = async () => (await newTenant()).tenantId;

    it("keeps the latest updated_at whatever order and however often the events arrive", async () => {
      const { env } = under();
      const t = await tenant();
      const [v1, v2, v3] = await appendTo(env, t, [
        opportunityEvent(t, "D-1", { name: "Deal v1", amount: 10, currency: "EUR", updated_at: day("1-01") }),
        opportunityEvent(t, "D-1", { name: "Deal v2", amount: 20, currency: "EUR", updated_at: day("2-01") }),
        opportunityEvent(t, "D-1", { name: "Deal v3", amount: 0, currency: "EUR", updated_at: day("3-01") }),
      ]);
      expect(await materializeIn(env, t, [v3!])).toBe(true);
      expect(await materializeIn(env, t, [v1!, v2!])).toBe(true);
      expect(await materializeIn(env, t, [v3!, v1!])).toBe(true);
      const rows = await viewRowsIn(env, t, "opportunity");
      expect(rows).toEqual([expect.objectContaining({ name: "Deal v3", amount: 0, deleted: false, last_seq: v3 })]);
      expect(rows[0]!.lineage).toHaveLength(3);
    });

    it("turns a delete into a tombstone, and a later upsert revives it", async () => {
      const { env } = under();
      const t = await tenant();
      const [up, del] = await appendTo(env, t, [
        contactEvent(t, "C-1", { email: "a@example.com", updated_at: day("1-01") }),
        contactEvent(t, "C-1", { email: "a@example.com", updated_at: day("1-01") }, { op: "delete" }),
      ]);
      await materializeIn(env, t, [del!]);
      await materializeIn(env, t, [up!]);
      expect(await viewRowsIn(env, t, "contact")).toEqual([expect.objectContaining({ email: "a@example.com", deleted: true })]);
      const [revived] = await appendTo(env, t, [contactEvent(t, "C-1", { email: "b@example.com", updated_at: day("2-01") })]);
      await materializeIn(env, t, [revived!]);
      expect(await viewRowsIn(env, t, "contact")).toEqual([expect.objectContaining({ email: "b@example.com", deleted: false })]);
    });

    it("links one company from two sources and resolves opportunities to the unified account", async () => {
      const { env } = under();
      const t = await tenant();
      const other = { connection_id: "con_b", object: "companies" };
      const seqs = await appendTo(env, t, [
        accountEvent(t, "A-1", { name: "Müller Maschinenbau GmbH", website: "www.mueller.example" }),
        accountEvent(t, "9001", { name: "Mueller Maschinenbau", website: "https://mueller.example/" }, other),
        opportunityEvent(t, "7001", { account_id: "9001" }, other),
      ]);
      expect(await materializeIn(env, t, seqs)).toBe(true);
      const [unified, ...more] = await viewRowsIn(env, t, "account");
      expect(more).toEqual([]);
      expect(unified!.sources).toHaveLength(2);
      expect(unified!.link).toMatchObject({ confidence: expect.any(Number), reasons: expect.arrayContaining([expect.objectContaining({ rule: expect.any(String) })]) });
      expect(await viewRowsIn(env, t, "opportunity")).toEqual([expect.objectContaining({ account_id: unified!.id, source_account_id: "9001" })]);
    });

    it("rebuilds byte-identical views from the stream", async () => {
      const { env } = under();
      const t = await tenant();
      const other = { connection_id: "con_b", object: "companies" };
      const events = [
        accountEvent(t, "A-1", { name: "Alpenblick Hotels AG", website: "alpenblick.example", updated_at: day("1-01"), extras: { Sector: "x" } }),
        accountEvent(t, "9001", { name: "Alpenblick Hotels", website: "alpenblick.example", updated_at: day("2-01") }, other),
        accountEvent(t, "A-2", { name: "Gone AG", updated_at: day("3-01") }, { op: "delete" }),
        opportunityEvent(t, "D-1", { account_id: "A-1", amount: 5.5, currency: "EUR", probability: 0.25 }),
        contactEvent(t, "C-1", { account_id: "A-2" }),
        costEvent(t, "row_1", { tags: { env: "prod", team: "payments" } }),
      ];
      const seqs = await appendTo(env, t, events);
      for (const seq of [...seqs].reverse()) expect(await materializeIn(env, t, [seq])).toBe(true);
      const incremental = await viewsText(env, t);
      expect(await withViewStore(env, t, rebuildViews)).toEqual({ events: events.length, rows: { account: 2, opportunity: 1, contact: 1, cost: 1 } });
      expect(await viewsText(env, t)).toBe(incremental);
    });

    it("materializes each cost line as its own row: no CRM account, the provider's accounts and tags kept as data", async () => {
      const { env } = under();
      const t = await tenant();
      const seqs = await appendTo(env, t, [
        accountEvent(t, "210987654321", { name: "Acme" }),
        costEvent(t, "row_1", { tags: { team: "payments", env: "prod" } }),
        costEvent(t, "row_2", { charge_category: "Credit", billed_cost: -50, effective_cost: 0, consumed_quantity: null, tags: {} }),
      ]);
      expect(await materializeIn(env, t, seqs)).toBe(true);
      const rows = await viewRowsIn(env, t, "cost");
      expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^cst_[0-9a-f]{24}$/)]));
      const [usage, credit] = ["row_1", "row_2"].map((id) => rows.find((r) => r.source_id === id)!);
      expect(usage).toMatchObject({ billed_cost: 2.304, billing_currency: "USD", charge_period_start: "2024-09-14T00:00:00.000Z", sub_account_id: "210987654321", billing_account_id: "123456789012", tags: { env: "prod", team: "payments" }, deleted: false });
      expect(credit).toMatchObject({ charge_category: "Credit", billed_cost: -50, effective_cost: 0, consumed_quantity: null, tags: {} });
      // an account record whose id equals the sub account id links nothing: costs have no account columns
      expect(usage).not.toHaveProperty("account_id");
      expect(await viewRowsIn(env, t, "account")).toHaveLength(1);
    });

    it("tombstones a deleted cost line and keeps its row", async () => {
      const { env } = under();
      const t = await tenant();
      const [up] = await appendTo(env, t, [costEvent(t, "row_1", {}, { emitted_at: "2026-01-01T00:00:00.000Z" })]);
      const [del] = await appendTo(env, t, [costEvent(t, "row_1", {}, { op: "delete", emitted_at: "2026-01-02T00:00:00.000Z" })]);
      await materializeIn(env, t, [del!]);
      await materializeIn(env, t, [up!]);
      expect(await viewRowsIn(env, t, "cost")).toEqual([expect.objectContaining({ source_id: "row_1", deleted: true, lineage: expect.any(Array) })]);
    });

    it("a tenant cannot materialize another tenant's events, and never sees its views", async () => {
      const { env } = under();
      const [a, b] = [await tenant(), await tenant()];
      const seqs = await appendTo(env, a, [accountEvent(a, "A-1", { name: "Tenant A Corp" })]);
      expect(await materializeIn(env, b, seqs)).toBe(false); // retried until the dead-letter queue
      expect(await viewRowsIn(env, b, "account")).toEqual([]);
      expect(await viewRowsIn(env, a, "account")).toEqual([]);
      expect(await materializeIn(env, a, seqs)).toBe(true);
      expect(await viewRowsIn(env, a, "account")).toHaveLength(1);
      expect(await viewRowsIn(env, b, "account")).toEqual([]);
    });
  });
}
