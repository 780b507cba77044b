// The Agents page's findings and agents: explanation bars, the list's order, which sections a live event makes
// stale, and how a schedule reads.
import { describe, expect, it } from "vitest";
import { intervalText } from "../../app/src/lib/agents/agents";
import { factorBars } from "../../app/src/lib/agents/explanation";
import { orderFindings } from "../../app/src/lib/agents/findings";
import { formatMoney, formatValue, humanize } from "../../app/src/lib/agents/format";
import { sectionsFor } from "../../app/src/lib/agents/live";

const at = "2026-11-26T10:00:00.000Z";

describe("explanation bars", () => {
  it("scales each factor's effect against the finding's largest, with its direction", () => {
    const bars = factorBars([
      { factor: "stage", value: 0.42, effect: 0.5, detail: "Proposal wins 42%" },
      { factor: "close_date_slips", value: { count: 2, days: 30.5 }, effect: -1, detail: "slipped twice" },
      { factor: "contact_coverage", value: null, effect: 0, detail: "not linked" },
    ]);
    expect(bars.map((b) => [b.label, b.share, b.direction])).toEqual([
      ["Stage", 0.5, "up"],
      ["Close date slips", 1, "down"],
      ["Contact coverage", 0, "none"],
    ]);
    expect(bars.map((b) => b.value)).toEqual(["0.42", '{"count":2,"days":30.5}', "—"]);
  });

  it("draws no bar when every effect is zero", () => {
    expect(factorBars([{ factor: "a", value: 0, effect: 0, detail: "" }])[0]!.share).toBe(0);
    expect(factorBars([])).toEqual([]);
  });

  it("formats values and names, keeping 0 and false as data", () => {
    expect(formatValue(0)).toBe("0");
    expect(formatValue(false)).toBe("false");
    expect(formatValue("")).toBe("");
    expect(humanize("age_in_stage")).toBe("Age in stage");
    expect(formatMoney(1234.5, "EUR")).toBe("€1,235");
    expect(formatMoney(12.5, "USD")).toBe("$12.50");
    expect(formatMoney(12.5, "XXX")).toContain("12.5");
  });
});

describe("findings order", () => {
  it("lists the most severe first, then the most recently seen", () => {
    const f = (id: string, severity: "info" | "low" | "medium" | "high", last_seen_at: string) => ({ id, severity, last_seen_at });
    const ordered = orderFindings([f("a", "low", "2026-11-02"), f("b", "high", "2026-11-01"), f("c", "low", "2026-11-03"), f("d", "info", "2026-11-04"), f("e", "high", "2026-11-01")]);
    expect(ordered.map((x) => x.id)).toEqual(["b", "e", "c", "a", "d"]);
  });
});

describe("live sections", () => {
  it("reloads the agent's card, outputs, findings, actions and alerts when its run ends", () => {
    const agent = { stage: "agent", agent: "finops", run_id: "arn_1", status: "succeeded", counts: { findings: 1, actions: 2 }, trace_id: "t", at } as const;
    expect(sectionsFor(agent)).toEqual(["agents", "finops", "findings", "actions", "alerts"]);
    expect(sectionsFor({ ...agent, agent: "revops" })).toContain("revops");
    expect(sectionsFor({ ...agent, agent: "someday" })).toEqual(["agents", "findings", "actions", "alerts"]);
  });

  it("reloads the actions when one changes, the alerts too for an alert, and nothing for pipeline stages", () => {
    const action = { stage: "action", action_id: "act_1", action_type: "sub_account.tag", status: "succeeded", trace_id: "t", at } as const;
    expect(sectionsFor(action)).toEqual(["actions"]);
    expect(sectionsFor({ ...action, action_type: "alert.create" })).toEqual(["actions", "alerts"]);
    expect(sectionsFor({ stage: "materialized", entity: "cost", counts: { upserted: 3, deleted: 0 }, last_seq: 9, trace_id: "t", at })).toEqual([]);
  });
});

describe("schedule text", () => {
  it("says how often the scheduler runs an agent, or that it does not", () => {
    expect(intervalText({ enabled: true, interval_minutes: 1440 })).toBe("Runs every day on schedule.");
    expect(intervalText({ enabled: true, interval_minutes: 2880 })).toBe("Runs every 2 days on schedule.");
    expect(intervalText({ enabled: true, interval_minutes: 60 })).toBe("Runs every 1 hour on schedule.");
    expect(intervalText({ enabled: true, interval_minutes: 90 })).toBe("Runs every 1.5 hours on schedule.");
    expect(intervalText({ enabled: false, interval_minutes: 60 })).toBe("Runs on demand only.");
  });
});
