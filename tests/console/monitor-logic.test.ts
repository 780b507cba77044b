// The AAM Monitor's pure logic: matching metrics, replay requests, run progress, percentages and source health.
import { describe, expect, it } from "vitest";
import { formatPercent } from "../../app/src/lib/monitor/format";
import { matchingMetrics } from "../../app/src/lib/monitor/metrics";
import { replayAll, replaySelection, sumReplays } from "../../app/src/lib/monitor/quarantine";
import { buildOverrides, draftOf, overrideErrorsByChange, sourceCandidates, targetCandidates } from "../../app/src/lib/monitor/repair-overrides";
import { changeFromTo, pendingFirst } from "../../app/src/lib/monitor/repairs";
import { anyActive, runFraction, runSegments } from "../../app/src/lib/monitor/runs";
import { sourceHealth } from "../../app/src/lib/monitor/source-state";
import type { DriftEvent, QuarantinedRecord, Repair, RepairChange, Run } from "../../app/src/lib/monitor/types";

const change = (target: string, confidence: number, over: Partial<RepairChange> = {}): RepairChange => ({
  target, action: "map", from: `${target} new`, previous_from: target, confidence, auto: false, reason: "test", ...over,
});

function repair(id: string, status: Repair["status"], changes: RepairChange[], decided_by: string | null = null): Repair {
  return {
    id, kind: "drift", connection_id: "con_1", drift_event_id: null, system: "filesource", object: "accounts", entity: "account",
    status, changes, confidence: Math.min(1, ...changes.map((c) => c.confidence)), base_version: null, applied_version: null,
    rolled_back_version: null, decided_by, created_at: "2026-11-26T10:00:00Z", decided_at: null,
  };
}

function run(status: Run["status"], counts: Partial<Run["counts"]> = {}, progress: Run["progress"] = null): Run {
  return {
    id: `run_${status}`, connection_id: "con_1", kind: "upload", object: "a.csv", status,
    counts: { read: 0, emitted: 0, quarantined: 0, duplicates: 0, ...counts }, progress,
    created_at: "2026-11-26T10:00:00Z", started_at: null, finished_at: null, duration_ms: null, error: null,
  };
}

const record = (id: string, connection_id: string) => ({ id, connection_id }) as QuarantinedRecord;

describe("matching metrics", () => {
  it("counts decisions, the auto-applied share and the confidence of applied changes only", () => {
    const repairs = [
      repair("r1", "applied", [change("name", 0.99), change("website", 0.95)], "aam:auto"),
      repair("r2", "applied", [change("name", 0.7)], "usr_1"),
      repair("r3", "rolled_back", [change("phone", 0.6)], "usr_1"),
      repair("r4", "rejected", [change("owner", 0.4)], "usr_1"),
      repair("r5", "pending", [change("city", 0.8)]),
    ];
    const drift = [{ breaking: true }, { breaking: false }] as DriftEvent[];
    const m = matchingMetrics(repairs, drift);
    expect(m).toMatchObject({ repairs: 5, autoApplied: 1, approved: 2, rejected: 1, pending: 1, rolledBack: 1, driftEvents: 2, breakingDrift: 1 });
    expect(m.shareAutoApplied).toBeCloseTo(1 / 3);
    expect(m.meanConfidence).toBeCloseTo((0.99 + 0.95 + 0.7) / 3);
    expect(m.lowestConfidence).toBe(0.7);
    // "name" re-mapped twice on the same object counts once
    expect(m.fieldsRemapped).toBe(2);
  });

  it("says nothing (null) rather than 0 % when no repair was applied", () => {
    const m = matchingMetrics([repair("r1", "pending", [change("name", 0.9)])], []);
    expect([m.shareAutoApplied, m.meanConfidence, m.lowestConfidence, m.fieldsRemapped]).toEqual([null, null, null, 0]);
  });
});

describe("repairs", () => {
  it("lists pending ones first, keeping the newest-first order otherwise", () => {
    const ordered = pendingFirst([repair("a", "applied", []), repair("b", "pending", []), repair("c", "rejected", []), repair("d", "pending", [])]);
    expect(ordered.map((r) => r.id)).toEqual(["b", "d", "a", "c"]);
  });

  it("writes a change's source before and after, a constant as such", () => {
    expect(changeFromTo(change("name", 1, { from: "Account Name", previous_from: "Company Name" }))).toEqual({ from: "Company Name", to: "Account Name" });
    expect(changeFromTo(change("currency", 1, { from: null, previous_from: null, value: "EUR" }))).toEqual({ from: "—", to: "constant EUR" });
  });
});

describe("repair overrides", () => {
  const changes = [
    change("name", 0.8, { from: "Account Name", previous_from: "Company Name" }),
    change("industry", 0.7, { from: "Branch", previous_from: "Sector" }),
    change("annual_revenue", 0, { action: "unmap", from: null, previous_from: "Revenue" }),
    change("currency", 0.9, { from: null, previous_from: null, value: "EUR" }),
  ];
  const drafts = () => changes.map(draftOf);

  it("sends nothing when no draft differs from the proposal, and drafts start as the proposal", () => {
    expect(drafts()[2]).toEqual({ target: "annual_revenue", from: "" });
    expect(buildOverrides(changes, drafts())).toEqual({ ok: true, body: { overrides: [] } });
  });

  it("sends only the changed fields of the changed changes, trimmed, by their position", () => {
    const d = drafts();
    d[0]!.from = "  Legal Name ";
    d[1]!.target = "description";
    expect(buildOverrides(changes, d)).toEqual({ ok: true, body: { overrides: [{ change: 0, from: "Legal Name" }, { change: 1, target: "description" }] } });
    // both at once, and a blank source field means "keep the proposal's"
    d[0]!.target = "legal_name";
    d[1]!.from = "  ";
    expect(buildOverrides(changes, d)).toEqual({
      ok: true, body: { overrides: [{ change: 0, target: "legal_name", from: "Legal Name" }, { change: 1, target: "description" }] },
    });
  });

  it("an unmap change is corrected only with a source field; a constant's source field is not sent", () => {
    const d = drafts();
    d[2]!.target = "employees";
    const refused = buildOverrides(changes, d);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect([...refused.errors.keys()]).toEqual([2]);
    d[2]!.from = "Umsatz";
    d[3]!.from = "Currency Code";
    expect(buildOverrides(changes, d)).toEqual({ ok: true, body: { overrides: [{ change: 2, target: "employees", from: "Umsatz" }] } });
    d[3]!.target = "currency_code";
    expect(buildOverrides(changes, d)).toEqual({
      ok: true, body: { overrides: [{ change: 2, target: "employees", from: "Umsatz" }, { change: 3, target: "currency_code" }] },
    });
  });

  it("maps the API's per-field errors back to the change each override concerns", () => {
    const body = { overrides: [{ change: 1, from: "X" }, { change: 3, target: "nope" }] };
    const errors = overrideErrorsByChange({ "overrides.1.target": "Too short", overrides: "Too many", "overrides.0": "Give a target or a source" }, body);
    expect([...errors]).toEqual([[3, "Too short"], [1, "Give a target or a source"]]);
    expect(overrideErrorsByChange({ "overrides.7.from": "?" }, body).size).toBe(0);
  });

  it("offers the drift's new source paths and the repair's own, and the entity's fields with the proposal's target first", () => {
    const drift = {
      changes: [
        { kind: "added", path: "Web Site", to: null },
        { kind: "renamed", path: "Sector", to: "Branch" },
        { kind: "removed", path: "Company Name", to: null },
      ],
    } as DriftEvent;
    expect(sourceCandidates(changes, drift)).toEqual(["Account Name", "Branch", "Web Site"]);
    expect(sourceCandidates(changes, undefined)).toEqual(["Account Name", "Branch"]);
    const schema = { type: "object", properties: { website: {}, name: {}, industry: {} } };
    expect(targetCandidates(change("source_id", 1), schema)).toEqual(["source_id", "industry", "name", "website"]);
    expect(targetCandidates(changes[0]!, schema)).toEqual(["name", "industry", "website"]);
    expect(targetCandidates(changes[0]!, undefined)).toEqual(["name"]);
  });
});

describe("quarantine replays", () => {
  const records = [record("q1", "con_a"), record("q2", "con_b"), record("q3", "con_a")];

  it("sends a selection as one request per connection", () => {
    expect(replaySelection(records, new Set(["q1", "q2", "q3"]))).toEqual([{ ids: ["q1", "q3"] }, { ids: ["q2"] }]);
    expect(replaySelection(records, new Set(["q2"]))).toEqual([{ ids: ["q2"] }]);
  });

  it("splits more than 200 ids of one connection into several requests", () => {
    const many = Array.from({ length: 201 }, (_, i) => record(`q${i}`, "con_a"));
    expect(replaySelection(many, new Set(many.map((r) => r.id))).map((r) => r.ids?.length)).toEqual([200, 1]);
  });

  it("replays all by connection and adds the outcomes up", () => {
    expect(replayAll(records)).toEqual([{ connection_id: "con_a" }, { connection_id: "con_b" }]);
    expect(sumReplays([{ run_id: "r1", replayed: 2, still_failing: 1 }, { run_id: "r2", replayed: 0, still_failing: 3 }])).toEqual({ replayed: 2, still_failing: 4 });
  });
});

describe("runs", () => {
  it("keeps polling for queued and running runs only", () => {
    expect(anyActive([run("succeeded"), run("queued")])).toBe(true);
    expect(anyActive([run("succeeded"), run("failed")])).toBe(false);
  });

  it("is indeterminate while running unless the source tells its progress", () => {
    expect(runFraction(run("running"))).toBeUndefined();
    expect(runFraction(run("running", {}, { done: 0, total: 0, unit: "bytes" }))).toBeUndefined();
    expect(runFraction(run("running", {}, { done: 25, total: 100, unit: "bytes" }))).toBe(0.25);
    expect(runFraction(run("succeeded", {}, { done: 100, total: 100, unit: "bytes" }))).toBeUndefined();
  });

  it("splits the records read into emitted, duplicates and quarantined", () => {
    const shares = runSegments(run("succeeded", { read: 4, emitted: 2, duplicates: 1, quarantined: 1 })).map((s) => [s.key, s.count, s.share]);
    expect(shares).toEqual([["emitted", 2, 0.5], ["duplicates", 1, 0.25], ["quarantined", 1, 0.25]]);
    expect(runSegments(run("succeeded")).every((s) => s.share === 0)).toBe(true);
  });
});

describe("display", () => {
  it("never rounds an uncertain confidence up to 100 %", () => {
    expect(formatPercent(0.999)).toBe("99.9%");
    expect(formatPercent(0.9996)).toBe("99.9%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(null)).toBe("—");
  });

  it("gives every failing source state what to do, and a never-checked one a test", () => {
    for (const state of ["bad-credentials", "missing-permission", "quota-reached", "unreachable", "schema-drift"] as const) {
      expect(sourceHealth(state).hint).not.toBeNull();
    }
    expect(sourceHealth("ok")).toMatchObject({ tone: "ok", hint: null });
    expect(sourceHealth(null).hint).toContain("test it");
  });
});
