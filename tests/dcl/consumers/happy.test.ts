/**
 * The DCL consumer as registered (workers/dcl/consumers.ts): a materialized batch reaches the tenant's live feeds,
 * its changed rows on /dcl and a `materialized` event per entity on /live-flow.
 */
import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../helpers/auth";
import { openFeed } from "../../helpers/feeds";
import { accountEvent, append, contactEvent, materialize, viewRows } from "../../helpers/dcl";
import { db } from "../../helpers/pipeline";
import { forTenant } from "../../../workers/platform/db";

async function subscriber() {
  const caller = await signUp();
  const dcl = (await openFeed("/dcl", bearer(caller.accessToken))).client;
  const flow = (await openFeed("/live-flow", bearer(caller.accessToken))).client;
  return { t: caller.tenantId, scope: forTenant(db, caller.tenantId), dcl, flow };
}

describe("materializing a canonical batch", () => {
  it("sends /dcl subscribers the changed rows and /live-flow one materialized event per entity", async () => {
    const { t, scope, dcl, flow } = await subscriber();
    const seqs = await append(scope, [accountEvent(t, "A-1", { name: "Acme", website: "acme.example" }), contactEvent(t, "C-1", { account_id: "A-1", email: "a@acme.example" })]);
    await materialize(t, seqs);
    const [account] = await viewRows("materialized_accounts", t);
    const [contact] = await viewRows("materialized_contacts", t);

    const changes = await dcl.received(2);
    expect(changes).toEqual([
      expect.objectContaining({ type: "change", seq: 1, entity: "account", id: account!.id, op: "upsert", last_seq: seqs[0], trace_id: "trace-dcl" }),
      expect.objectContaining({ type: "change", seq: 2, entity: "contact", id: contact!.id, op: "upsert", last_seq: seqs[1], trace_id: "trace-dcl" }),
    ]);
    const rowOf = (i: number) => (changes[i] as { row: Record<string, unknown> }).row;
    expect(rowOf(0)).toMatchObject({ id: account!.id, name: "Acme", website: "acme.example", last_seq: seqs[0], deleted: false, sources: account!.sources });
    expect(rowOf(0)).not.toHaveProperty("lineage");
    expect(rowOf(0)).not.toHaveProperty("lastSeq");
    expect(rowOf(1)).toMatchObject({ email: "a@acme.example", account_id: account!.id, source_account_id: "A-1" });

    expect(await flow.received(2)).toEqual([
      { type: "flow", seq: 1, stage: "materialized", entity: "account", trace_id: "trace-dcl", at: expect.any(String), counts: { upserted: 1, deleted: 0 }, last_seq: seqs[0] },
      { type: "flow", seq: 2, stage: "materialized", entity: "contact", trace_id: "trace-dcl", at: expect.any(String), counts: { upserted: 1, deleted: 0 }, last_seq: seqs[1] },
    ]);
  });

  it("publishes a tombstone as a delete without a row, and nothing for a redelivery", async () => {
    const { t, scope, dcl, flow } = await subscriber();
    await materialize(t, await append(scope, [contactEvent(t, "C-1", { updated_at: "2026-01-01T00:00:00.000Z" })]));
    const deletion = await append(scope, [contactEvent(t, "C-1", { updated_at: "2026-02-01T00:00:00.000Z" }, { op: "delete" })]);
    await materialize(t, deletion);
    await materialize(t, deletion);
    const [contact] = await viewRows("materialized_contacts", t);
    const messages = await dcl.sync();
    expect(messages).toHaveLength(2);
    expect(messages[1]).toEqual({ type: "change", seq: 2, entity: "contact", id: contact!.id, op: "delete", last_seq: deletion[0], trace_id: "trace-dcl" });
    expect((await flow.sync()).map((m) => ("counts" in m ? m.counts : null))).toEqual([
      { upserted: 1, deleted: 0 },
      { upserted: 0, deleted: 1 },
    ]);
  });

  it("publishes an account merged into another cluster as a delete of its old id", async () => {
    const { t, scope, dcl } = await subscriber();
    await materialize(t, await append(scope, [accountEvent(t, "B-1", { name: "Globex", website: "globex.example" }, { connection_id: "con_b" })]));
    const [before] = await viewRows("materialized_accounts", t);
    const merge = await append(scope, [accountEvent(t, "A-1", { name: "Globex Corp", website: "https://www.globex.example" }, { connection_id: "con_a" })]);
    await materialize(t, merge);
    const [after] = await viewRows("materialized_accounts", t);
    expect(after!.id).not.toBe(before!.id);
    const messages = await dcl.sync();
    expect(messages.slice(1)).toEqual([
      expect.objectContaining({ type: "change", entity: "account", id: after!.id, op: "upsert", last_seq: merge[0] }),
      { type: "change", seq: 3, entity: "account", id: before!.id, op: "delete", last_seq: merge[0], trace_id: "trace-dcl" },
    ]);
  });
});
