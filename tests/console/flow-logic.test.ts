// The Live Flow page's pure logic: stages, what an event is about, its counts and filter text, and the event log
// (cap, pause buffer, per-stage counters, which run a materialized event came from).
import { describe, expect, it } from "vitest";
import { type FlowItem, type FlowMessage, STAGES, countsText, filterText, runOf, stageLabel, subjectOf } from "../../app/src/lib/flow/events";
import { CAP, FlowLog } from "../../app/src/lib/flow/flow-log.svelte";

const at = "2026-11-26T10:00:00.000Z";
const run = { run_id: "run_1", connection_id: "con_1", object: "accounts.csv" };

const received = (seq: number, trace_id = `trace_${seq}`, over: Partial<typeof run> = {}): Extract<FlowMessage, { stage: "received" }> => ({
  type: "flow", seq, stage: "received", ...run, ...over, trace_id, at, counts: { records: 3, rejects: 0 },
});
const mapped = (seq: number, trace_id: string): FlowMessage => ({
  type: "flow", seq, stage: "mapped", ...run, trace_id, at, counts: { emitted: 2, duplicates: 1 },
});
const materialized = (seq: number, trace_id: string): FlowMessage => ({
  type: "flow", seq, stage: "materialized", trace_id, at, entity: "account", counts: { upserted: 2, deleted: 0 }, last_seq: 40,
});

const seqs = (items: readonly FlowItem[]) => items.map((i) => i.message.seq);

describe("flow events", () => {
  it("lists the stages in pipeline order with labels", () => {
    expect(STAGES).toEqual(["received", "mapped", "quarantined", "drift", "materialized", "agent", "action"]);
    expect(STAGES.map(stageLabel)).toEqual(["Received", "Mapped", "Quarantined", "Drift", "Materialized", "Agents", "Actions"]);
  });

  it("knows a run event's source object; a materialized event has none of its own", () => {
    expect(runOf(received(1))).toEqual({ connection_id: "con_1", object: "accounts.csv" });
    expect(runOf(materialized(2, "t"))).toBeNull();
  });

  it("is about the object read, or the entity materialized", () => {
    expect(subjectOf({ message: received(1), run: null })).toBe("accounts.csv");
    expect(subjectOf({ message: materialized(2, "t"), run: null })).toBe("account");
  });

  it("shows the first count always and the others only when not zero", () => {
    expect(countsText(received(1))).toBe("3 records");
    expect(countsText(mapped(2, "t"))).toBe("2 emitted · 1 duplicates");
    const none: FlowMessage = { ...received(3), counts: { records: 0, rejects: 0 } };
    expect(countsText(none)).toBe("0 records");
    const drift: FlowMessage = { type: "flow", seq: 4, stage: "drift", ...run, trace_id: "t", at, counts: { added: 0, removed: 2, changed: 0 }, fields: ["Phone"] };
    expect(countsText(drift)).toBe("0 added · 2 removed");
  });

  it("shows an agent run's agent, status and counts, and an action's type and status", () => {
    const agent: FlowMessage = { type: "flow", seq: 5, stage: "agent", agent: "finops", run_id: "arn_1", status: "failed", trace_id: "t", at, counts: { findings: 0, actions: 0 } };
    const action: FlowMessage = { type: "flow", seq: 6, stage: "action", action_id: "act_1", action_type: "sub_account.tag", status: "pending_approval", trace_id: "t", at };
    expect(runOf(agent)).toBeNull();
    expect(subjectOf({ message: agent, run: null })).toBe("finops");
    expect(countsText(agent)).toBe("failed · 0 findings");
    expect(countsText({ ...agent, status: "succeeded", counts: { findings: 3, actions: 2 } })).toBe("succeeded · 3 findings · 2 actions");
    expect(subjectOf({ message: action, run: null })).toBe("sub_account.tag");
    expect(countsText(action)).toBe("pending approval");
    expect(filterText({ message: action, run: null }, () => undefined)).toBe("t sub_account.tag act_1");
    expect(filterText({ message: agent, run: null }, () => undefined)).toBe("t finops arn_1");
  });

  it("matches filters on trace, run, object, connection id and name, lower-cased", () => {
    const item: FlowItem = { message: received(1, "Trace_AB"), run: runOf(received(1)) };
    const text = filterText(item, (id) => (id === "con_1" ? "Acme Files" : undefined));
    for (const part of ["trace_ab", "run_1", "accounts.csv", "con_1", "acme files"]) expect(text).toContain(part);
    // a materialized event without a known run is found by its entity and trace only
    const orphan = filterText({ message: materialized(2, "T9"), run: null }, () => "never asked");
    expect(orphan).toBe("t9 account");
  });
});

describe("flow log", () => {
  it("keeps the newest first, at most CAP events", () => {
    const log = new FlowLog();
    for (let seq = 1; seq <= CAP + 5; seq++) log.push(received(seq));
    expect(CAP).toBe(200);
    expect(log.items).toHaveLength(CAP);
    expect(log.items[0]!.message.seq).toBe(CAP + 5);
    expect(log.items.at(-1)!.message.seq).toBe(6);
  });

  it("counts every event by stage, including those that fell off the log", () => {
    const log = new FlowLog();
    for (let seq = 1; seq <= CAP + 1; seq++) log.push(received(seq));
    log.push(mapped(300, "t"));
    log.push(materialized(301, "t"));
    expect(log.counts).toEqual({ received: CAP + 1, mapped: 1, quarantined: 0, drift: 0, materialized: 1, agent: 0, action: 0 });
  });

  it("holds events while paused, counting them, and shows them in order on resume", () => {
    const log = new FlowLog();
    log.push(received(1));
    log.pause();
    log.push(received(2));
    log.push(mapped(3, "trace_2"));
    expect(log.paused).toBe(true);
    expect(seqs(log.items)).toEqual([1]);
    expect(log.waiting).toBe(2);
    expect(log.counts.received).toBe(2);
    log.resume();
    expect(log.paused).toBe(false);
    expect(log.waiting).toBe(0);
    expect(seqs(log.items)).toEqual([3, 2, 1]);
    log.push(received(4));
    expect(seqs(log.items)).toEqual([4, 3, 2, 1]);
  });

  it("keeps at most CAP events waiting, the newest, while still counting them all", () => {
    const log = new FlowLog();
    log.push(received(1));
    log.pause();
    for (let seq = 2; seq <= CAP + 11; seq++) log.push(received(seq));
    expect(log.waiting).toBe(CAP + 10);
    log.resume();
    expect(log.items).toHaveLength(CAP);
    expect(log.items[0]!.message.seq).toBe(CAP + 11);
    expect(log.items.at(-1)!.message.seq).toBe(12);
  });

  it("ties a materialized event to the run that shares its trace", () => {
    const log = new FlowLog();
    log.push(received(1, "trace_x", { object: "contacts.csv", connection_id: "con_9" }));
    log.push(materialized(2, "trace_x"));
    log.push(materialized(3, "trace_unknown"));
    expect(log.items.map((i) => i.run)).toEqual([null, { connection_id: "con_9", object: "contacts.csv" }, { connection_id: "con_9", object: "contacts.csv" }]);
  });
});
