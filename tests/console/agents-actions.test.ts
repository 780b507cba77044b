// The Agents page's actions: pending approvals first, what each will write (the plan), merged pages and counts.
import { describe, expect, it } from "vitest";
import { countByStatus, mergeActions, orderActions, planLines, planSkipped } from "../../app/src/lib/agents/actions";
import type { Action, ActionPlan } from "../../app/src/lib/agents/types";

const TAGS: ActionPlan = { kind: "sub_account_tags", provider_name: "AWS", sub_account_id: "111", tags: { "finops:anomaly": "2026-11-06" }, current: {}, merged: { "finops:anomaly": "2026-11-06" } };

function act(id: string, status: Action["status"], created_at: string, plan: ActionPlan = TAGS): Action {
  return {
    id, type: "sub_account.tag", target: null, params: {}, reason: "test", status, policy: "approval", actor: { type: "agent", id: "finops" },
    idempotency_key: id, plan, result: null, error: null, decided_by: null, decision_reason: null, decided_at: null, attempts: 0,
    finding_id: null, trace_id: "t", created_at, updated_at: created_at,
  };
}

describe("action order", () => {
  it("puts held actions first (the longest waiting first), then failed, then the rest newest first", () => {
    const ordered = orderActions([
      act("ok-old", "succeeded", "2026-11-01T00:00:00Z"),
      act("pending-new", "pending_approval", "2026-11-05T00:00:00Z"),
      act("failed", "failed", "2026-11-02T00:00:00Z"),
      act("rejected-new", "rejected", "2026-11-04T00:00:00Z"),
      act("pending-old", "pending_approval", "2026-11-03T00:00:00Z"),
      act("executing", "executing", "2026-11-01T00:00:00Z"),
    ]);
    expect(ordered.map((a) => a.id)).toEqual(["pending-old", "pending-new", "failed", "executing", "rejected-new", "ok-old"]);
  });

  it("breaks ties by id, so the order is stable across reloads", () => {
    const at = "2026-11-01T00:00:00Z";
    expect(orderActions([act("b", "succeeded", at), act("a", "succeeded", at)]).map((a) => a.id)).toEqual(["a", "b"]);
  });

  it("merges the held actions with the latest page, each once", () => {
    const held = act("p", "pending_approval", "2026-10-01T00:00:00Z");
    const merged = mergeActions([held], [act("s", "succeeded", "2026-11-01T00:00:00Z"), held]);
    expect(merged.map((a) => a.id)).toEqual(["p", "s"]);
  });

  it("counts by status", () => {
    const at = "2026-11-01T00:00:00Z";
    expect(countByStatus([act("a", "failed", at), act("b", "failed", at), act("c", "succeeded", at)])).toEqual({ failed: 2, succeeded: 1 });
  });
});

describe("action plan", () => {
  it("lists a write-back's source fields with the source's values, and the records it leaves alone", () => {
    const plan: ActionPlan = {
      kind: "write_back",
      write_back: {
        target: { entity: "opportunity", id: "opp_1" },
        writes: [{
          system: "salesforce", connection_id: "con_1", object: "Opportunity", record_id: "006A",
          mapping: { id: "salesforce/Opportunity", version: 2, mapping_version: "salesforce/Opportunity@2#abc" },
          data: { Deal_Score__c: 72, StageName: "Proposal" },
          fields: [
            { field: "deal_score", source_field: "Deal_Score__c", value: 72, source_value: 72 },
            { field: "stage", source_field: "stage", value: "proposal", source_value: "Proposal" },
          ],
        }],
        skipped: [{ system: "filesource", connection_id: "con_2", object: "deals", record_id: "D-1", reasons: [{ field: null, reason: "read-only source" }, { field: "stage", reason: "no mapping writes it" }] }],
      },
    };
    expect(planLines(plan)).toEqual([
      { where: "salesforce Opportunity 006A", field: "Deal_Score__c (deal_score)", from: null, to: "72" },
      { where: "salesforce Opportunity 006A", field: "stage", from: null, to: "Proposal" },
    ]);
    expect(planSkipped(plan)).toEqual(["filesource deals D-1: read-only source; stage: no mapping writes it"]);
  });

  it("shows tags with the value they replace", () => {
    const plan: ActionPlan = { ...TAGS, tags: { team: "data", env: "prod" }, current: { team: "platform" } } as ActionPlan;
    expect(planLines(plan)).toEqual([
      { where: "AWS sub-account 111", field: "tag team", from: "platform", to: "data" },
      { where: "AWS sub-account 111", field: "tag env", from: null, to: "prod" },
    ]);
    expect(planSkipped(plan)).toEqual([]);
  });

  it("shows an alert's severity, title and recipient (when it has one)", () => {
    const alert = (recipient: string | null): ActionPlan => ({ kind: "alert", alert: { severity: "high", title: "Deal at risk", body: "b", recipient, target: null } });
    expect(planLines(alert("ana@example.com")).map((l) => [l.field, l.to])).toEqual([["severity", "high"], ["title", "Deal at risk"], ["recipient", "ana@example.com"]]);
    expect(planLines(alert(null)).map((l) => l.field)).toEqual(["severity", "title"]);
  });
});
