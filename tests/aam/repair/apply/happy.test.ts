/**
 * Applying, rejecting and rolling back repairs in workerd against D1: each applied repair is a new tenant mapping
 * version, and the object's quarantined records are replayed through it into the stream.
 */
import { env } from "cloudflare:test";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { stableJson } from "../../../../workers/canonical/stable-json";
import { tenantGate } from "../../../../durable-objects/tenant-gate";
import { compileSubmitted } from "../../../../workers/aam/mapping/overrides-submit";
import { mappingVersionAt, entryText } from "../../../../workers/aam/mapping/overrides-history";
import type { ObservedField } from "../../../../workers/aam/drift/schemas";
import { listMemory } from "../../../../workers/aam/matching/memory-store";
import { createMatcher } from "../../../../workers/aam/matching/matcher";
import { offlineEmbedder } from "../../../../workers/aam/matching/embeddings/offline";
import { inMemoryIndex } from "../../../../workers/aam/matching/index/in-memory";
import { quarantineInserts } from "../../../../workers/aam/pipeline/quarantine";
import { AUTO_DECIDER, applyRepair, proposeRepair, rejectRepair, rollbackRepair } from "../../../../workers/aam/repair/apply";
import { draftOnboarding } from "../../../../workers/aam/repair/draft";
import { getRepair } from "../../../../workers/aam/repair/store";
import { schema } from "../../../../workers/platform/db";
import { newId } from "../../../../workers/platform/ids";
import { captureQueues } from "../../../helpers/pipeline";
import { newConnectionId, tenantScope } from "../../../helpers/normalize";
import { change } from "../helpers";

const { scope } = await tenantScope();
beforeAll(() => void captureQueues());

/** Records of `object` quarantined with `reason`, as the pipeline holds them while a mapping is broken. */
async function quarantined(connectionId: string, object: string, records: Record<string, unknown>[], entity: "account" | null = "account") {
  const entries = records.map((data, i) => ({
    recordId: String(data.id ?? data["Account No"] ?? data.Kundennummer),
    line: i + 2,
    raw: { record_id: String(data.id ?? data["Account No"] ?? data.Kundennummer), cursor: `line:${i + 2}`, line: i + 2, data },
    reason: "mapping failed: name: required",
    errors: [],
    mappingVersion: null,
    entity,
  }));
  for (const insert of await quarantineInserts(scope, { run_id: "run_broken", connection_id: connectionId, system: "filesource", object }, entries)) await insert.run();
}

const dataOf = (row: { event: Record<string, unknown> }) => (row.event as { data: Record<string, unknown> }).data;

const openRows = (connectionId: string) =>
  scope.select(schema.quarantine, eq(schema.quarantine.connectionId, connectionId), eq(schema.quarantine.status, "open"));
const replayedRows = (connectionId: string) =>
  scope.select(schema.quarantine, eq(schema.quarantine.connectionId, connectionId), eq(schema.quarantine.status, "replayed"));

async function driftEvent(connectionId: string) {
  const id = newId("drf");
  await scope.insert(schema.driftEvents, { id, connectionId, system: "filesource", object: "accounts", entity: "account", changes: [], breaking: true });
  return id;
}

/** Accounts whose `Company Name` column was renamed `Firma`: the bundled mapping cannot name them. */
const renamed = (n: number) => Array.from({ length: n }, (_, i) => ({ "Account No": `A-${i}`, Firma: ` Firma ${i} `, "Annual Revenue (EUR)": "1.000,00" }));
const renameFix = (auto: boolean) => change({ target: "name", action: "map", from: "Firma", previous_from: "Company Name", confidence: auto ? 0.97 : 0.6, auto });

describe("proposeRepair → applyRepair", () => {
  it("applies an all-automatic repair at once: a new version by aam:auto, the drift event repaired, memory, audit, and every held record replayed", async () => {
    const connectionId = newConnectionId();
    await quarantined(connectionId, "accounts", renamed(3));
    const driftEventId = await driftEvent(connectionId);
    const { repairs, replay } = await proposeRepair(env, scope, {
      kind: "drift",
      system: "filesource",
      object: "accounts",
      entity: "account",
      connectionId,
      driftEventId,
      baseVersion: null,
      changes: [renameFix(true)],
    });
    expect(repairs).toEqual([expect.objectContaining({ status: "applied", appliedVersion: 2, decidedBy: AUTO_DECIDER, confidence: 0.97 })]);
    expect(replay).toMatchObject({ replayed: 3, still_failing: 0 });

    const current = await mappingVersionAt(scope, "filesource", "accounts", "current");
    expect(current).toMatchObject({ origin: "tenant", row: { version: 2, author: AUTO_DECIDER, comment: expect.stringContaining(repairs[0]!.id) } });
    expect(entryText(current!)).toContain("name: { from: Firma, transforms: [trim] }");

    expect(await openRows(connectionId)).toHaveLength(0);
    const replayed = await replayedRows(connectionId);
    const events = await scope.select(schema.canonicalEvents, inArray(schema.canonicalEvents.eventId, replayed.map((r) => r.replayedEventId!)));
    expect(events.map((e) => dataOf(e).name).sort()).toEqual(["Firma 0", "Firma 1", "Firma 2"]);

    const [event] = await scope.select(schema.driftEvents, eq(schema.driftEvents.id, driftEventId));
    expect(event).toMatchObject({ status: "repaired", repairId: repairs[0]!.id, resolvedAt: expect.any(String) });
    expect(await listMemory(scope, "account", "filesource")).toContainEqual(expect.objectContaining({ field_name: "Firma", target: "name", verdict: "accepted" }));
    const audit = (await tenantGate(env, scope.tenantId).listAudit({ limit: 50 })).items;
    expect(audit).toContainEqual(expect.objectContaining({ actor_type: "system", actor_id: AUTO_DECIDER, resource: `/api/v1/aam/repairs/${repairs[0]!.id}/approve` }));
  });

  it("leaves a repair with an uncertain change pending (drift event repair_pending); approving it applies and replays", async () => {
    const connectionId = newConnectionId();
    await quarantined(connectionId, "accounts", renamed(2));
    const driftEventId = await driftEvent(connectionId);
    const before = await mappingVersionAt(scope, "filesource", "accounts", "current");
    const { repairs, replay } = await proposeRepair(env, scope, {
      kind: "drift",
      system: "filesource",
      object: "accounts",
      entity: "account",
      connectionId,
      driftEventId,
      baseVersion: 2,
      changes: [renameFix(false), change({ target: "phone", action: "unmap", previous_from: "Tel" })],
    });
    expect(replay).toBeNull();
    expect(repairs).toEqual([expect.objectContaining({ status: "pending", confidence: 0.6, appliedVersion: null })]);
    expect((await scope.select(schema.driftEvents, eq(schema.driftEvents.id, driftEventId)))[0]).toMatchObject({ status: "repair_pending", repairId: repairs[0]!.id });
    expect(await mappingVersionAt(scope, "filesource", "accounts", "current")).toEqual(before);

    const applied = await applyRepair(env, scope, repairs[0]!, "usr_reviewer");
    expect(applied.repair).toMatchObject({ status: "applied", appliedVersion: 3, decidedBy: "usr_reviewer" });
    expect(applied.version).toMatchObject({ version: 3, author: "usr_reviewer" });
    expect(applied.replay).toMatchObject({ replayed: 2, still_failing: 0 });
    expect(entryText((await mappingVersionAt(scope, "filesource", "accounts", 3))!)).not.toContain("phone:");
  });

  it("replays records held under file names the repaired mapping's `files` patterns match, and leaves other objects alone", async () => {
    const connectionId = newConnectionId();
    await quarantined(connectionId, "accounts-2026.csv", renamed(2));
    await quarantined(connectionId, "contacts.csv", [{ id: "C-1", Nachname: "Meier" }], null);
    const { replay } = await proposeRepair(env, scope, {
      kind: "drift",
      system: "filesource",
      object: "accounts",
      entity: "account",
      connectionId,
      baseVersion: 3,
      changes: [change({ target: "description", action: "unmap", previous_from: "Notes" })],
    });
    expect(replay).toMatchObject({ replayed: 2, still_failing: 0 });
    expect((await openRows(connectionId)).map((r) => r.object)).toEqual(["contacts.csv"]);
  });
});

describe("rollbackRepair", () => {
  it("appends a version whose content is the one before the repair, and opens the drift event again", async () => {
    const connectionId = newConnectionId();
    const driftEventId = await driftEvent(connectionId);
    const { repairs } = await proposeRepair(env, scope, {
      kind: "drift",
      system: "filesource",
      object: "accounts",
      entity: "account",
      connectionId,
      driftEventId,
      baseVersion: 3,
      changes: [change({ target: "industry", action: "map", from: "Branche", previous_from: "Sector" })],
    });
    const repair = repairs[0]!;
    const applied = repair.appliedVersion!;
    const { repair: rolledBack, version } = await rollbackRepair(scope, repair, "usr_reviewer");
    expect(rolledBack).toMatchObject({ status: "rolled_back", rolledBackVersion: applied + 1 });
    expect(version).toMatchObject({ version: applied + 1, author: "usr_reviewer" });

    const content = async (v: number) => {
      const compiled = await compileSubmitted(entryText((await mappingVersionAt(scope, "filesource", "accounts", v))!));
      if (Array.isArray(compiled)) throw new Error("compiles");
      return stableJson({ ...compiled.document, version: 0 });
    };
    expect(await content(applied + 1)).toBe(await content(applied - 1));
    expect(await content(applied + 1)).not.toBe(await content(applied));
    expect((await scope.select(schema.driftEvents, eq(schema.driftEvents.id, driftEventId)))[0]).toMatchObject({ status: "open" });
  });
});

describe("rejectRepair", () => {
  it("keeps the mapping, remembers the match as wrong, and opens the drift event again", async () => {
    const driftEventId = await driftEvent(newConnectionId());
    const before = await mappingVersionAt(scope, "filesource", "accounts", "current");
    const { repairs } = await proposeRepair(env, scope, {
      kind: "drift",
      system: "filesource",
      object: "accounts",
      entity: "account",
      driftEventId,
      baseVersion: 5,
      changes: [change({ target: "owner", action: "map", from: "Betreuer", previous_from: "Account Manager", confidence: 0.5, auto: false })],
    });
    const rejected = await rejectRepair(env, scope, repairs[0]!, "usr_reviewer");
    expect(rejected).toMatchObject({ status: "rejected", decidedBy: "usr_reviewer", appliedVersion: null });
    expect(await mappingVersionAt(scope, "filesource", "accounts", "current")).toEqual(before);
    expect(await listMemory(scope, "account", "filesource")).toContainEqual(expect.objectContaining({ field_name: "Betreuer", target: "owner", verdict: "rejected" }));
    expect((await scope.select(schema.driftEvents, eq(schema.driftEvents.id, driftEventId)))[0]).toMatchObject({ status: "open" });
  });
});

describe("onboarding", () => {
  const fields: ObservedField[] = [
    { path: "Kundennummer", type: "string", seen: 2, samples: ["K-1", "K-2"] },
    { path: "Firmenname", type: "string", seen: 2, samples: ["Müller GmbH", "Schmidt KG"] },
    { path: "Mitarbeiter", type: "string", seen: 2, samples: ["250", "1.200"] },
    { path: "Lieblingsfarbe", type: "string", seen: 2, samples: ["blau"] },
  ];

  it("drafts a mapping for a CSV nobody mapped with the real matcher, applies the confident part and replays its records", async () => {
    const connectionId = newConnectionId();
    await quarantined(connectionId, "kunden.csv", [
      { Kundennummer: "K-1", Firmenname: "Müller GmbH", Mitarbeiter: "1.200", Lieblingsfarbe: "blau" },
      { Kundennummer: "K-2", Firmenname: "Schmidt KG", Mitarbeiter: "250", Lieblingsfarbe: "rot" },
    ]);
    const matcher = createMatcher({ embedder: offlineEmbedder, index: inMemoryIndex(), memory: [], threshold: 0.5 });
    const { matches } = await matcher({ entity: "account", system: "filesource", fields: fields.map((f) => ({ name: f.path, samples: f.samples })) });
    const draft = draftOnboarding({ system: "filesource", object: "kunden.csv", entity: "account" }, fields, matches);
    expect(draft.missing_required).toEqual([]);

    const { repairs, replay } = await proposeRepair(env, scope, { kind: "onboarding", system: "filesource", object: "kunden.csv", entity: "account", connectionId, baseVersion: null, changes: draft.changes });
    expect(repairs[0]).toMatchObject({ kind: "onboarding", status: "applied", appliedVersion: 1, decidedBy: AUTO_DECIDER });
    expect(replay).toMatchObject({ replayed: 2, still_failing: 0 });
    const events = await scope.select(schema.canonicalEvents, eq(schema.canonicalEvents.connectionId, connectionId));
    expect(events.map(dataOf).sort((a, b) => stableJson(a).localeCompare(stableJson(b)))).toMatchObject([
      { source_id: "K-1", name: "Müller GmbH", employee_count: 1200, extras: { Lieblingsfarbe: "blau" } },
      { source_id: "K-2", name: "Schmidt KG", employee_count: 250, extras: { Lieblingsfarbe: "rot" } },
    ]);
    expect(await getRepair(scope, repairs[0]!.id)).toMatchObject({ status: "applied" });
  });

  it("holds everything for approval when the required name is not confidently matched; approving drafts the mapping", async () => {
    const connectionId = newConnectionId();
    await quarantined(connectionId, "leute.csv", [{ Kundennummer: "L-1", Firmenname: "Ohne GmbH" }]);
    const { repairs, replay } = await proposeRepair(env, scope, {
      kind: "onboarding",
      system: "filesource",
      object: "leute.csv",
      entity: "account",
      connectionId,
      baseVersion: null,
      changes: [
        change({ target: "source_id", action: "map", from: "Kundennummer", confidence: 0.95, auto: true }),
        change({ target: "name", action: "map", from: "Firmenname", transforms: ["trim"], confidence: 0.6, auto: false }),
      ],
    });
    expect(replay).toBeNull();
    expect(repairs).toEqual([expect.objectContaining({ status: "pending", confidence: 0.6 })]);
    expect(await mappingVersionAt(scope, "filesource", "leute.csv", "current")).toBeUndefined();

    const applied = await applyRepair(env, scope, repairs[0]!, "usr_reviewer");
    expect(applied.version).toMatchObject({ version: 1 });
    expect(applied.replay).toMatchObject({ replayed: 1, still_failing: 0 });
    await expect(rollbackRepair(scope, applied.repair, "usr_reviewer")).rejects.toMatchObject({ kind: "conflict", detail: expect.stringContaining("first mapping") });
  });
});
