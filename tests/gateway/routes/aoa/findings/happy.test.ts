import { describe, expect, it } from "vitest";
import { FindingSchema } from "../../../../../workers/aoa/runs/finding";
import { FindingPageSchema } from "../../../../../workers/gateway/routes/aoa/findings/list";
import { bearer } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { FINDINGS, dismissPath, tenantWithFindings } from "../agents/helpers";

const { accessToken, run } = await tenantWithFindings();
const headers = bearer(accessToken);
const fingerprints = async (query = "") => (FindingPageSchema.parse(await (await call(`${FINDINGS}${query}`, { headers })).json())).items.map((f) => f.fingerprint).sort();

describe("GET /api/v1/aoa/findings", () => {
  it("lists the run's findings with their subject, explanation and metrics", async () => {
    const page = FindingPageSchema.parse(await (await call(FINDINGS, { headers })).json());
    expect(page.next_cursor).toBeNull();
    expect(page.items.map((f) => f.fingerprint).sort()).toEqual(["a", "b", "c"]);
    expect(page.items.find((f) => f.fingerprint === "a")).toMatchObject({
      agent: "revops",
      run_id: run.id,
      kind: "deal_risk",
      severity: "high",
      status: "open",
      subject: { entity: "opportunity", id: "opp_a", name: "Deal a" },
      explanation: [{ factor: "close_date_slips", value: 2, effect: -12 }],
    });
  });

  it("filters by agent, kind, severity, status and run, combined with AND", async () => {
    expect(await fingerprints("?severity=high")).toEqual(["a", "b"]);
    expect(await fingerprints("?kind=deal_score")).toEqual(["c"]);
    expect(await fingerprints("?kind=deal_risk&severity=low")).toEqual([]);
    expect(await fingerprints(`?run_id=${run.id}&agent=revops&status=open`)).toEqual(["a", "b", "c"]);
    expect(await fingerprints("?run_id=arn_other")).toEqual([]);
    expect(await fingerprints("?agent=finops")).toEqual([]);
  });

  it("pages with limit and cursor without losing or repeating a finding", async () => {
    const first = FindingPageSchema.parse(await (await call(`${FINDINGS}?limit=2`, { headers })).json());
    expect(first.items).toHaveLength(2);
    const second = FindingPageSchema.parse(await (await call(`${FINDINGS}?limit=2&cursor=${first.next_cursor!}`, { headers })).json());
    expect(second.next_cursor).toBeNull();
    expect([...first.items, ...second.items].map((f) => f.fingerprint).sort()).toEqual(["a", "b", "c"]);
  });
});

describe("POST /api/v1/aoa/findings/{id}/dismiss", () => {
  it("sets an open finding aside: it answers the dismissed finding and the status filter sees it", async () => {
    const { accessToken: token } = await tenantWithFindings();
    const own = bearer(token);
    const target = FindingPageSchema.parse(await (await call(`${FINDINGS}?severity=low`, { headers: own })).json()).items[0]!;
    const res = await call(dismissPath(target.id), { method: "POST", headers: own });
    expect(res.status).toBe(200);
    expect(FindingSchema.parse(await res.json())).toEqual({ ...target, status: "dismissed" });
    const byStatus = async (status: string) =>
      FindingPageSchema.parse(await (await call(`${FINDINGS}?status=${status}`, { headers: own })).json()).items.map((f) => f.fingerprint).sort();
    expect(await byStatus("dismissed")).toEqual(["c"]);
    expect(await byStatus("open")).toEqual(["a", "b"]);
  });
});
