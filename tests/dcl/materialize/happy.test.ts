import { afterAll, describe, expect, it, vi } from "vitest";
import { rebuildViews } from "../../../workers/dcl/materialize/rebuild";
import { canonicalBatchConsumer } from "../../../workers/dcl/materialize/consumer";
import { consumers } from "../../../workers/pipeline/queues";
import { accountEvent, append, contactEvent, materialize, opportunityEvent, storeOf, viewHash, viewRows } from "../../helpers/dcl";
import { captureQueues, newTenant } from "../../helpers/pipeline";

captureQueues();
afterAll(() => vi.restoreAllMocks());

const day = (d: string) => `2026-0${d}T10:00:00.000Z`;

describe("last writer wins per source record", () => {
  it("keeps the latest updated_at whatever order and however often the events arrive", async () => {
    const scope = await newTenant();
    const t = scope.tenantId;
    const [v1, v2, v3] = await append(scope, [
      opportunityEvent(t, "D-1", { name: "Deal v1", amount: 10, currency: "EUR", updated_at: day("1-01") }),
      opportunityEvent(t, "D-1", { name: "Deal v2", amount: 20, currency: "EUR", updated_at: day("2-01") }),
      opportunityEvent(t, "D-1", { name: "Deal v3", amount: 0, currency: "EUR", updated_at: day("3-01") }),
    ]);
    await materialize(t, [v3!]);
    await materialize(t, [v1!, v2!]);
    await materialize(t, [v3!, v1!]);
    const [row] = await viewRows("materialized_opportunities", t);
    expect(row).toMatchObject({ name: "Deal v3", amount: 0, deleted: 0, last_seq: v3 });
    expect(row?.lineage).toHaveLength(3);
    expect(await viewRows("materialized_opportunities", t)).toHaveLength(1);
  });

  it("falls back to emitted_at without updated_at, and breaks exact ties by the higher event id", async () => {
    const scope = await newTenant();
    const t = scope.tenantId;
    const late = opportunityEvent(t, "D-2", { name: "emitted later" }, { emitted_at: day("5-01") });
    const early = opportunityEvent(t, "D-2", { name: "emitted earlier" }, { emitted_at: day("4-01") });
    const tieA = opportunityEvent(t, "D-3", { name: "tie a", updated_at: day("1-01") });
    const tieB = opportunityEvent(t, "D-3", { name: "tie b", updated_at: day("1-01") });
    const seqs = await append(scope, [late, early, tieA, tieB]);
    await materialize(t, seqs);
    const rows = await viewRows("materialized_opportunities", t);
    const winner = tieA.meta.event_id > tieB.meta.event_id ? "tie a" : "tie b";
    expect(rows.map((r) => r.name).sort()).toEqual(["emitted later", winner].sort());
  });

  it("turns a delete into a tombstone that keeps the row, and a later upsert revives it", async () => {
    const scope = await newTenant();
    const t = scope.tenantId;
    const [up, del] = await append(scope, [
      contactEvent(t, "C-1", { email: "a@example.com", updated_at: day("1-01") }),
      contactEvent(t, "C-1", { email: "a@example.com", updated_at: day("1-01") }, { op: "delete" }),
    ]);
    await materialize(t, [del!]);
    await materialize(t, [up!]);
    expect(await viewRows("materialized_contacts", t)).toMatchObject([{ email: "a@example.com", deleted: 1 }]);
    const [revived] = await append(scope, [contactEvent(t, "C-1", { email: "b@example.com", updated_at: day("2-01") })]);
    await materialize(t, [revived!]);
    expect(await viewRows("materialized_contacts", t)).toMatchObject([{ email: "b@example.com", deleted: 0 }]);
  });
});

describe("account_id resolution", () => {
  it("resolves an opportunity whose account arrives later, and keeps the source's key", async () => {
    const scope = await newTenant();
    const t = scope.tenantId;
    const [opp, contact] = await append(scope, [opportunityEvent(t, "D-9", { account_id: "A-9" }), contactEvent(t, "C-9", { account_id: "A-9" })]);
    await materialize(t, [opp!, contact!]);
    expect(await viewRows("materialized_opportunities", t)).toMatchObject([{ account_id: null, source_account_id: "A-9" }]);

    const [account] = await append(scope, [accountEvent(t, "A-9", { name: "Nine Corp" })]);
    await materialize(t, [account!]);
    const [unified] = await viewRows("materialized_accounts", t);
    expect(unified).toMatchObject({ name: "Nine Corp", source_id: "A-9", id: expect.stringMatching(/^acc_/) });
    expect(await viewRows("materialized_opportunities", t)).toMatchObject([{ account_id: unified?.id, source_account_id: "A-9" }]);
    expect(await viewRows("materialized_contacts", t)).toMatchObject([{ account_id: unified?.id }]);
  });
});

describe("rebuild", () => {
  it("yields byte-identical tables to incremental, shuffled and duplicated delivery", async () => {
    const scope = await newTenant();
    const t = scope.tenantId;
    const other = { connection_id: "con_b", object: "companies" };
    const events = [
      accountEvent(t, "A-1", { name: "Müller Maschinenbau GmbH", website: "www.mueller.example", updated_at: day("1-01"), extras: { Sector: "x" } }),
      accountEvent(t, "9001", { name: "Mueller Maschinenbau", website: "mueller.example", updated_at: day("2-01") }, other),
      accountEvent(t, "A-2", { name: "Alpenblick Hotels AG", updated_at: day("1-01") }),
      accountEvent(t, "A-2", { name: "Alpenblick Hotels AG", updated_at: day("3-01") }, { op: "delete" }),
      opportunityEvent(t, "D-1", { account_id: "A-1", amount: 5, currency: "EUR" }),
      opportunityEvent(t, "D-1", { account_id: "A-1", amount: 6, currency: "EUR" }, { emitted_at: day("6-01") }),
      opportunityEvent(t, "7001", { account_id: "9001" }, other),
      contactEvent(t, "C-1", { account_id: "A-2" }),
    ];
    const seqs = await append(scope, events);
    for (const seq of seqs) await materialize(t, [seq]);
    const incremental = await viewHash(t);

    const store = storeOf(scope);
    expect(await rebuildViews(store)).toEqual({ events: events.length, rows: { account: 2, opportunity: 2, contact: 1, cost: 0 } });
    expect(await viewHash(t)).toBe(incremental);

    await store.clear();
    const shuffled = [...seqs].reverse();
    await materialize(t, shuffled.slice(0, 3));
    await materialize(t, [...shuffled.slice(2), shuffled[0]!]);
    await materialize(t, shuffled.slice(1, 5));
    expect(await viewHash(t)).toBe(incremental);

    const accounts = await viewRows("materialized_accounts", t);
    const mueller = accounts.find((a) => a.sources.length === 2);
    expect(mueller).toMatchObject({ name: "Mueller Maschinenbau", deleted: 0, extras: { Sector: "x" } });
    expect(accounts.find((a) => a.source_id === "A-2")).toMatchObject({ deleted: 1 });
    const opps = await viewRows("materialized_opportunities", t);
    expect(opps.map((o) => o.account_id)).toEqual([mueller?.id, mueller?.id]);
    expect(opps.find((o) => o.source_id === "D-1")).toMatchObject({ amount: 6 });
  });
});

describe("the publish hook", () => {
  it("hears the tenant, counts and the ids of the rows that changed", async () => {
    const scope = await newTenant();
    const t = scope.tenantId;
    const notices: unknown[] = [];
    const original = consumers["autonomos-canonical"];
    consumers["autonomos-canonical"] = canonicalBatchConsumer({ onMaterialized: (notice) => void notices.push(notice) });
    try {
      const seqs = await append(scope, [accountEvent(t, "A-1", {}), opportunityEvent(t, "D-1", { account_id: "A-1" })]);
      await materialize(t, seqs);
      await materialize(t, seqs);
    } finally {
      consumers["autonomos-canonical"] = original!;
    }
    const [accounts, opps] = [await viewRows("materialized_accounts", t), await viewRows("materialized_opportunities", t)];
    expect(notices).toEqual([
      {
        tenant_id: t,
        trace_id: "trace-dcl",
        events: 2,
        counts: { account: 1, opportunity: 1, contact: 0, cost: 0 },
        changed: { account: [accounts[0]?.id], opportunity: [opps[0]?.id], contact: [], cost: [] },
        rows: { account: [expect.objectContaining({ id: accounts[0]?.id, deleted: false })], opportunity: [expect.objectContaining({ id: opps[0]?.id, deleted: false })], contact: [], cost: [] },
        removed: [],
      },
      // a redelivery changes nothing
      { tenant_id: t, trace_id: "trace-dcl", events: 2, counts: { account: 0, opportunity: 0, contact: 0, cost: 0 }, changed: { account: [], opportunity: [], contact: [], cost: [] }, rows: { account: [], opportunity: [], contact: [], cost: [] }, removed: [] },
    ]);
  });
});
