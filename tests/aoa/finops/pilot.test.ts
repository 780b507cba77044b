import { describe, expect, it } from "vitest";
import { ActionRequestSchema } from "../../../workers/aoa/actions/types";
import { DEFAULT_SEVERITY, severityOf } from "../../../workers/aoa/finops/findings";
import { generateCosts } from "../../../workers/aoa/finops/generate";
import { FinOpsOutputsSchema } from "../../../workers/aoa/finops/outputs";
import { runFinOps } from "../../../workers/aoa/finops/pilot";
import { FindingDraftSchema } from "../../../workers/aoa/runs/finding";
import { costRow, weeklyRows } from "./rows";

const NOW = new Date("2026-05-05T06:00:00Z");
const DAYS = 90;
const spikeYesterday = (index: number, value: number) => (index === DAYS - 1 ? value * 5 : value);

describe("FinOps pilot on the generated set", () => {
  // the generated 120 days end the day before the run, as the pilot's window does
  const set = generateCosts({ seed: 4, start: "2026-01-05" });
  const now = new Date(`${set.to}T00:00:00Z`);
  now.setUTCDate(now.getUTCDate() + 1);
  const result = runFinOps({ rows: set.rows }, now);
  const anomalies = result.findings.filter((f) => f.kind === "cost_anomaly");

  it("returns drafts, action requests and outputs of the shared schemas", () => {
    for (const finding of result.findings) expect(FindingDraftSchema.parse(finding)).toEqual(finding);
    for (const action of result.actions) expect(ActionRequestSchema.parse(action)).toEqual(action);
    expect(FinOpsOutputsSchema.parse(result.outputs)).toEqual(result.outputs);
    expect(result.outputs.period).toEqual({ from: set.from, to: set.to, report_from: "2026-04-21" });
  });

  it("reports the recent anomalies as findings with two actions each, and one summary", () => {
    const recent = result.outputs.anomalies.filter((a) => a.day >= result.outputs.period.report_from);
    expect(recent.length).toBeGreaterThan(0);
    expect(anomalies).toHaveLength(recent.length);
    expect(result.actions).toHaveLength(2 * recent.length);
    expect(result.findings.filter((f) => f.kind === "cost_summary")).toHaveLength(1);
    expect(result.outputs.anomalies.length).toBeGreaterThan(recent.length);
    for (const finding of anomalies) {
      expect(finding.subject?.entity).toBe("cost");
      expect(finding.subject?.id.split("|")).toHaveLength(3);
      expect(finding.severity).not.toBe("info");
    }
  });

  it("keys every anomaly's finding and actions by series and first day, uniquely", () => {
    const fingerprints = result.findings.map((f) => f.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    const keys = result.actions.map((a) => a.idempotency_key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const finding of anomalies) {
      const key = `${finding.subject?.id}|${finding.metrics.currency}|${finding.metrics.day}`;
      expect(finding.fingerprint).toBe(`cost_anomaly:${key}`);
      expect(keys).toContain(`finops:alert:${key}`);
      expect(keys).toContain(`finops:tag:${key}`);
    }
  });

  it("charts the top series by spend with the baseline and the flags", () => {
    const { series } = result.outputs;
    expect(series).toHaveLength(10);
    expect(series.map((s) => s.total)).toEqual([...series.map((s) => s.total)].sort((a, b) => b - a));
    for (const s of series) expect(s.points).toHaveLength(120);
    const flagged = series.flatMap((s) => s.points.filter((p) => p.anomaly));
    expect(flagged.every((p) => p.expected !== null)).toBe(true);
  });

  it("is deterministic, whatever the order of the rows", () => {
    const again = runFinOps({ rows: [...set.rows].reverse() }, now);
    expect(again.findings.map((f) => f.fingerprint)).toEqual(result.findings.map((f) => f.fingerprint));
    expect(again.actions.map((a) => a.idempotency_key)).toEqual(result.actions.map((a) => a.idempotency_key));
    expect(runFinOps({ rows: set.rows }, now)).toEqual(result);
  });
});

describe("FinOps pilot decisions", () => {
  it("alerts the owner named by the tags and tags the sub-account with the anomaly", () => {
    const rows = [
      ...weeklyRows(NOW, DAYS, 200, { tags: { Owner: "ops@example.com", team: "ops" } }, spikeYesterday),
      ...weeklyRows(NOW, DAYS, 200, { service_name: "Amazon S3", tags: { "cost-center": "CC-7" } }, spikeYesterday),
      ...weeklyRows(NOW, DAYS, 200, { service_name: "Amazon RDS", sub_account_id: null, sub_account_name: null, tags: null }, spikeYesterday),
    ];
    const { findings, actions } = runFinOps({ rows }, NOW);
    const alerts = actions.filter((a) => a.type === "alert.create");
    expect(alerts.map((a) => [a.target?.id, a.params.recipient])).toEqual([
      ["AWS|Amazon EC2|111111111111", "ops@example.com"],
      ["AWS|Amazon RDS|(none)", null],
      ["AWS|Amazon S3|111111111111", "CC-7"],
    ]);
    // no sub-account, nothing to tag
    const tags = actions.filter((a) => a.type === "sub_account.tag");
    expect(tags.map((a) => a.params)).toEqual([
      { provider_name: "AWS", sub_account_id: "111111111111", tags: { "finops:anomaly": "2026-05-04", "finops:service": "Amazon EC2" } },
      { provider_name: "AWS", sub_account_id: "111111111111", tags: { "finops:anomaly": "2026-05-04", "finops:service": "Amazon S3" } },
    ]);
    const finding = findings.find((f) => f.subject?.id === "AWS|Amazon EC2|111111111111");
    expect(finding).toMatchObject({ kind: "cost_anomaly", metrics: { day: "2026-05-04", direction: "up", days: 1 } });
    expect(finding?.title).toContain("Amazon EC2 in prod (AWS) cost rose");
    expect(finding?.explanation.map((f) => f.factor)).toEqual(["baseline_level", "weekday_pattern", "deviation"]);
  });

  it("keeps a level shift one anomaly across runs: the same key while it lasts", () => {
    const shiftFrom = (start: number) => (index: number, value: number) => (index >= start ? value * 3 : value);
    const first = runFinOps({ rows: weeklyRows(NOW, DAYS, 200, {}, shiftFrom(DAYS - 2)) }, NOW);
    const later = new Date(NOW.getTime() + 86_400_000);
    const second = runFinOps({ rows: weeklyRows(later, DAYS + 1, 200, {}, shiftFrom(DAYS - 2)) }, later);
    const [a] = first.findings.filter((f) => f.kind === "cost_anomaly");
    const [b] = second.findings.filter((f) => f.kind === "cost_anomaly");
    expect(a?.metrics).toMatchObject({ day: "2026-05-03", days: 2 });
    expect(b?.metrics).toMatchObject({ day: "2026-05-03", days: 3 });
    expect(b?.fingerprint).toBe(a?.fingerprint);
    expect(second.actions.map((x) => x.idempotency_key)).toEqual(first.actions.map((x) => x.idempotency_key));
  });

  it("raises nothing for credits, taxes, today's partial day or an ordinary series", () => {
    const rows = [
      ...weeklyRows(NOW, DAYS, 200),
      costRow("2026-05-04", -5000, { charge_category: "Credit" }),
      costRow("2026-05-04", 900, { charge_category: "Tax" }),
      costRow("2026-05-05", 5000), // today: still arriving, outside the window
    ];
    const { findings, actions, facts } = runFinOps({ rows }, NOW);
    expect(findings.map((f) => f.kind)).toEqual(["cost_summary"]);
    expect(actions).toEqual([]);
    expect(facts).toMatchObject({ series: 1, recent_anomalies: 0, period_to: "2026-05-04" });
  });

  it("summarizes spend per currency and the largest services", () => {
    const rows = [...weeklyRows(NOW, DAYS, 200), ...weeklyRows(NOW, DAYS, 50, { billing_currency: "EUR", service_name: "Virtual Machines", provider_name: "Microsoft" })];
    const { findings, outputs } = runFinOps({ rows }, NOW);
    const summary = findings.find((f) => f.kind === "cost_summary");
    const usd = outputs.totals_by_service.find((t) => t.currency === "USD")?.total;
    expect(summary).toMatchObject({ severity: "info", subject: null, fingerprint: "cost_summary", metrics: { series: 2, anomalies: 0, spend: { USD: usd } } });
    expect(summary?.explanation.map((f) => f.value)).toEqual(["Amazon EC2", "Virtual Machines"]);
    expect(outputs.totals_by_sub_account.map((t) => t.currency)).toEqual(["USD", "EUR"]);
  });
});

describe("anomaly severity", () => {
  it("grows with the amount and is one step lower when the deviation is marginal", () => {
    const strong = DEFAULT_SEVERITY.strongZ + 1;
    expect(severityOf({ deviation: 50, z: strong })).toBe("low");
    expect(severityOf({ deviation: -500, z: -strong })).toBe("medium");
    expect(severityOf({ deviation: 5000, z: strong })).toBe("high");
    expect(severityOf({ deviation: 5000, z: 5 })).toBe("medium");
    expect(severityOf({ deviation: 50, z: 5 })).toBe("low");
  });
});
