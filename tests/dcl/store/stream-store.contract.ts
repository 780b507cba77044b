/**
 * What every StreamStore must do, run against each implementation (d1-/neon-stream-store.test.ts). Event ids
 * come from the pipeline's own eventId, so they are what a real stream holds (tenant-specific, deterministic).
 */
import { describe, expect, it } from "vitest";
import type { StreamStore } from "../../../workers/dcl/store/stream-store";
import { eventId } from "../../../workers/canonical/event-id";
import type { CanonicalEvent } from "../../../workers/canonical/event";
import { account, contact } from "../../canonical/examples";

export interface StoreUnderTest {
  store: StreamStore;
  /** a new tenant the store can hold events for */
  newTenant(): Promise<string>;
}

const uid = () => crypto.randomUUID().slice(0, 8);

/** A source record's event as the pipeline would emit it for this tenant and connection (`revision`: a later change). */
async function sourceEvent(
  tenantId: string,
  connectionId: string,
  recordId: string,
  entity: "account" | "contact" = "account",
  op: "upsert" | "delete" = "upsert",
  revision = 0,
): Promise<CanonicalEvent> {
  const object = entity === "account" ? "Account" : "Contact";
  const id = await eventId({ tenant_id: tenantId, connection_id: connectionId, object, record_id: recordId, op, record: { Id: recordId, revision }, cursor: recordId });
  const meta = { version: 1 as const, tenant_id: tenantId, trace_id: "trace-1", event_id: id, emitted_at: "2026-01-01T00:00:00.000Z", mapping_version: `salesforce/${object}@1#abc`, op };
  const source = { system: "salesforce" as const, connection_id: connectionId, object, record_id: recordId, cursor: recordId };
  return entity === "account"
    ? { meta, source, entity, data: { ...account, source_id: recordId } }
    : { meta, source, entity, data: { ...contact, source_id: recordId } };
}

const events = (tenantId: string, connectionId: string, ids: string[], entity?: "account" | "contact") =>
  Promise.all(ids.map((id) => sourceEvent(tenantId, connectionId, id, entity)));

export function describeStreamStore(name: string, under: () => StoreUnderTest): void {
  describe(`${name} stream store`, () => {
    it("appends a batch: one ascending seq per event, read back whole in seq order", async () => {
      const { store, newTenant } = under();
      const tenant = await newTenant();
      const batch = await events(tenant, "con_a", ["1", "2", "3"]);
      const appended = await store.appendBatch(tenant, { runId: `run_${uid()}`, batchId: "b1", events: batch });
      expect(appended.firstDelivery).toBe(true);
      expect(appended.duplicates).toBe(0);
      expect(appended.seqs).toHaveLength(3);
      expect([...appended.seqs].sort((a, b) => a - b)).toEqual(appended.seqs);
      const read = await store.readEvents(tenant, {}, 10);
      expect(read.map((e) => e.seq)).toEqual(appended.seqs);
      expect(read.map((e) => e.event)).toEqual(batch);
    });

    it("deduplicates by event id, across batches and within one", async () => {
      const { store, newTenant } = under();
      const tenant = await newTenant();
      const run = `run_${uid()}`;
      const [one, two, three] = await events(tenant, "con_a", ["1", "2", "3"]);
      const first = await store.appendBatch(tenant, { runId: run, batchId: "b1", events: [one!, two!] });
      const second = await store.appendBatch(tenant, { runId: run, batchId: "b2", events: [two!, three!, three!] });
      expect(second).toEqual({ seqs: [expect.any(Number)], duplicates: 2, firstDelivery: true });
      expect(second.seqs[0]).toBeGreaterThan(Math.max(...first.seqs));
      const read = await store.readEvents(tenant, {}, 10);
      expect(read.map((e) => e.event.meta.event_id)).toEqual([one!.meta.event_id, two!.meta.event_id, three!.meta.event_id]);
    });

    it("a redelivered batch adds nothing and returns the first delivery's seqs", async () => {
      const { store, newTenant } = under();
      const tenant = await newTenant();
      const run = `run_${uid()}`;
      const batch = await events(tenant, "con_a", ["1", "2"]);
      const first = await store.appendBatch(tenant, { runId: run, batchId: "b1", events: batch });
      // in between, another batch appends: the redelivery must not claim its events
      await store.appendBatch(tenant, { runId: run, batchId: "b2", events: await events(tenant, "con_a", ["9"]) });
      const again = await store.appendBatch(tenant, { runId: run, batchId: "b1", events: batch });
      expect(again).toEqual({ seqs: first.seqs, duplicates: 0, firstDelivery: false });
      expect(await store.readEvents(tenant, {}, 10)).toHaveLength(3);
    });

    it("a redelivery remembers the first delivery's duplicates", async () => {
      const { store, newTenant } = under();
      const tenant = await newTenant();
      const run = `run_${uid()}`;
      const [one, two] = await events(tenant, "con_a", ["1", "2"]);
      await store.appendBatch(tenant, { runId: run, batchId: "b1", events: [one!] });
      const first = await store.appendBatch(tenant, { runId: run, batchId: "b2", events: [one!, two!] });
      const again = await store.appendBatch(tenant, { runId: run, batchId: "b2", events: [one!, two!] });
      expect(first).toMatchObject({ duplicates: 1, firstDelivery: true });
      expect(again).toEqual({ seqs: first.seqs, duplicates: 1, firstDelivery: false });
    });

    it("an empty batch is marked like any other", async () => {
      const { store, newTenant } = under();
      const tenant = await newTenant();
      const run = `run_${uid()}`;
      expect(await store.appendBatch(tenant, { runId: run, batchId: "b1", events: [] })).toEqual({ seqs: [], duplicates: 0, firstDelivery: true });
      expect(await store.appendBatch(tenant, { runId: run, batchId: "b1", events: [] })).toEqual({ seqs: [], duplicates: 0, firstDelivery: false });
    });

    it("reads by seqs, after a seq, by entity and by connection, with a limit, always in seq order", async () => {
      const { store, newTenant } = under();
      const tenant = await newTenant();
      const run = `run_${uid()}`;
      const accounts = await store.appendBatch(tenant, { runId: run, batchId: "b1", events: await events(tenant, "con_a", ["1", "2", "3"]) });
      const contacts = await store.appendBatch(tenant, { runId: run, batchId: "b2", events: await events(tenant, "con_b", ["4", "5"], "contact") });
      const seqsOf = async (filter: Parameters<StreamStore["readEvents"]>[1], limit = 100) =>
        (await store.readEvents(tenant, filter, limit)).map((e) => e.seq);
      const [a1, a2, a3] = accounts.seqs;
      const [c1, c2] = contacts.seqs;
      expect(await seqsOf({ seqs: [c2!, a1!, a3!] })).toEqual([a1, a3, c2]);
      expect(await seqsOf({ seqs: [] })).toEqual([]);
      expect(await seqsOf({ after: a2! })).toEqual([a3, c1, c2]);
      expect(await seqsOf({ entity: "contact" })).toEqual([c1, c2]);
      expect(await seqsOf({ connection_id: "con_a", after: a1! })).toEqual([a2, a3]);
      expect(await seqsOf({ entity: "account", seqs: [a2!, c1!] })).toEqual([a2]);
      expect(await seqsOf({}, 2)).toEqual([a1, a2]);
      expect(await seqsOf({ entity: "opportunity" })).toEqual([]);
    });

    it("reads a CanonicalBatch's seqs beyond 100 in one call", async () => {
      const { store, newTenant } = under();
      const tenant = await newTenant();
      const ids = Array.from({ length: 150 }, (_, i) => String(i));
      const appended = await store.appendBatch(tenant, { runId: `run_${uid()}`, batchId: "b1", events: await events(tenant, "con_a", ids) });
      const read = await store.readEvents(tenant, { seqs: appended.seqs }, 1000);
      expect(read.map((e) => e.seq)).toEqual(appended.seqs);
      expect(read.map((e) => e.event.source.record_id)).toEqual(ids);
    });

    it("lists an object's live record ids (latest event an upsert) by record id, after a key, with a limit", async () => {
      const { store, newTenant } = under();
      const tenant = await newTenant();
      const run = `run_${uid()}`;
      const append = async (batchId: string, batch: Promise<CanonicalEvent>[]) =>
        store.appendBatch(tenant, { runId: run, batchId, events: await Promise.all(batch) });
      await append("b1", ["e", "a", "d", "b", "c"].map((id) => sourceEvent(tenant, "con_a", id)));
      const [changedD, backE] = [sourceEvent(tenant, "con_a", "d", "account", "upsert", 1), sourceEvent(tenant, "con_a", "e", "account", "upsert", 2)];
      await append("b2", [
        sourceEvent(tenant, "con_a", "b", "account", "delete"), // deleted
        changedD, // changed: one id, not two
        sourceEvent(tenant, "con_a", "e", "account", "delete"),
        backE, // deleted, then back
        sourceEvent(tenant, "con_a", "f", "account", "delete"), // only ever deleted
        sourceEvent(tenant, "con_a", "z", "contact"), // another object
        sourceEvent(tenant, "con_b", "c2", "account"), // another connection
      ]);
      const records = (query: { after?: string; limit?: number; connection_id?: string; object?: string }) =>
        store.liveRecords(tenant, { connection_id: "con_a", object: "Account", limit: 100, ...query });
      const live = async (query: Parameters<typeof records>[0]) => (await records(query)).map((record) => record.record_id);
      // each with its latest upsert's event id: the one a delete of it ends
      expect(await records({})).toEqual([
        { record_id: "a", event_id: (await sourceEvent(tenant, "con_a", "a")).meta.event_id },
        { record_id: "c", event_id: (await sourceEvent(tenant, "con_a", "c")).meta.event_id },
        { record_id: "d", event_id: (await changedD).meta.event_id },
        { record_id: "e", event_id: (await backE).meta.event_id },
      ]);
      expect(await live({})).toEqual(["a", "c", "d", "e"]);
      expect(await live({ limit: 2 })).toEqual(["a", "c"]);
      expect(await live({ after: "c", limit: 2 })).toEqual(["d", "e"]);
      expect(await live({ after: "e" })).toEqual([]);
      expect(await live({ after: "b" })).toEqual(["c", "d", "e"]); // a deleted id is a fine place to continue from
      expect(await live({ object: "Contact" })).toEqual(["z"]);
      expect(await live({ connection_id: "con_b" })).toEqual(["c2"]);
      expect(await live({ object: "Nothing" })).toEqual([]);
    });

    it("pages through many live ids in keyset pages that neither skip nor repeat one", async () => {
      const { store, newTenant } = under();
      const tenant = await newTenant();
      const ids = Array.from({ length: 250 }, (_, i) => `rec-${String(i).padStart(3, "0")}`);
      await store.appendBatch(tenant, { runId: `run_${uid()}`, batchId: "b1", events: await events(tenant, "con_a", ids) });
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 10; page++) {
        const ids = (await store.liveRecords(tenant, { connection_id: "con_a", object: "Account", after, limit: 100 })).map((record) => record.record_id);
        seen.push(...ids);
        if (ids.length < 100) break;
        after = ids.at(-1);
      }
      expect(seen).toEqual(ids);
    });

    describe("tenant isolation", () => {
      it("a tenant's live record ids are its own, whatever another tenant holds or deleted under the same ids", async () => {
        const { store, newTenant } = under();
        const [a, b] = [await newTenant(), await newTenant()];
        await store.appendBatch(a, { runId: `run_${uid()}`, batchId: "b1", events: await events(a, "con_x", ["1", "2"]) });
        const ofB = [await sourceEvent(b, "con_x", "1"), await sourceEvent(b, "con_x", "1", "account", "delete"), await sourceEvent(b, "con_x", "3")];
        await store.appendBatch(b, { runId: `run_${uid()}`, batchId: "b1", events: ofB });
        const query = { connection_id: "con_x", object: "Account", limit: 100 };
        const liveIds = async (tenant: string) => (await store.liveRecords(tenant, query)).map((record) => record.record_id);
        expect(await liveIds(a)).toEqual(["1", "2"]);
        expect(await liveIds(b)).toEqual(["3"]);
      });

      it("a tenant reads none of another tenant's events, not even by their seqs", async () => {
        const { store, newTenant } = under();
        const [a, b] = [await newTenant(), await newTenant()];
        const appended = await store.appendBatch(a, { runId: `run_${uid()}`, batchId: "b1", events: await events(a, "con_a", ["1", "2"]) });
        expect(await store.readEvents(b, { seqs: appended.seqs }, 10)).toEqual([]);
        expect(await store.readEvents(b, { after: 0 }, 10)).toEqual([]);
        expect(await store.readEvents(b, { connection_id: "con_a" }, 10)).toEqual([]);
        expect(await store.readEvents(a, {}, 10)).toHaveLength(2);
      });

      it("the same source records under another tenant are that tenant's own new events, not duplicates", async () => {
        const { store, newTenant } = under();
        const [a, b] = [await newTenant(), await newTenant()];
        const ofA = await store.appendBatch(a, { runId: `run_${uid()}`, batchId: "b1", events: await events(a, "con_x", ["1", "2"]) });
        const ofB = await store.appendBatch(b, { runId: `run_${uid()}`, batchId: "b1", events: await events(b, "con_x", ["1", "2"]) });
        expect(ofB).toMatchObject({ duplicates: 0, firstDelivery: true });
        expect(ofB.seqs).toHaveLength(2);
        expect(ofB.seqs.some((seq) => ofA.seqs.includes(seq))).toBe(false);
        const readA = await store.readEvents(a, {}, 10);
        const readB = await store.readEvents(b, {}, 10);
        expect(readA.map((e) => e.seq)).toEqual(ofA.seqs);
        expect(readB.map((e) => e.seq)).toEqual(ofB.seqs);
        expect(readB.every((e) => e.event.meta.tenant_id === b)).toBe(true);
      });
    });
  });
}
