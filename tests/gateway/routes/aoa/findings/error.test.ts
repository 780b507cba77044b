import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { deterministicNarrator } from "../../../../../workers/aoa/runs/narrative";
import { runAgent } from "../../../../../workers/aoa/runs/runner";
import { FindingPageSchema } from "../../../../../workers/gateway/routes/aoa/findings/list";
import { bearer } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { result, scriptedPilot } from "../../../../aoa/runs/helpers";
import { FINDINGS, dismissPath, tenantWithFindings } from "../agents/helpers";

const fieldsOf = (problem: { errors?: { path: string }[] }) => (problem.errors ?? []).map((e) => e.path).sort();

describe("finding routes' refusals", () => {
  it("dismissing twice is a 409 naming the status; the finding stays dismissed", async () => {
    const { accessToken } = await tenantWithFindings();
    const headers = bearer(accessToken);
    const [finding] = FindingPageSchema.parse(await (await call(`${FINDINGS}?limit=1`, { headers })).json()).items;
    expect((await call(dismissPath(finding!.id), { method: "POST", headers })).status).toBe(200);
    const problem = await expectProblem(await call(dismissPath(finding!.id), { method: "POST", headers }), 409, "conflict");
    expect(problem.detail).toContain("is dismissed, not open");
    const dismissed = FindingPageSchema.parse(await (await call(`${FINDINGS}?status=dismissed`, { headers })).json()).items;
    expect(dismissed.map((f) => f.id)).toEqual([finding!.id]);
  });

  it("a resolved finding cannot be dismissed (409)", async () => {
    const { scope, accessToken } = await tenantWithFindings();
    const headers = bearer(accessToken);
    // a later run that finds nothing resolves the open findings
    const { pilot } = scriptedPilot([result([])]);
    await runAgent(env, scope, pilot, { trigger: "manual", actor: "usr_test", now: new Date(), traceId: "4bf92f3577b34da6a3ce929d0e0e4736", narrator: deterministicNarrator });
    const [resolved] = FindingPageSchema.parse(await (await call(`${FINDINGS}?status=resolved&limit=1`, { headers })).json()).items;
    expect(resolved).toBeDefined();
    const problem = await expectProblem(await call(dismissPath(resolved!.id), { method: "POST", headers }), 409, "conflict");
    expect(problem.detail).toContain("is resolved, not open");
  });

  it("404 for dismissing a finding that does not exist", async () => {
    const { accessToken } = await tenantWithFindings();
    await expectProblem(await call(dismissPath("fnd_missing"), { method: "POST", headers: bearer(accessToken) }), 404, "not-found");
  });

  it("400 per field for filter values that are not ones", async () => {
    const { accessToken } = await tenantWithFindings();
    const headers = bearer(accessToken);
    const problem = await expectProblem(await call(`${FINDINGS}?agent=salesops&severity=urgent&status=closed&kind=&run_id=&limit=x`, { headers }), 400, "validation-error");
    expect(fieldsOf(problem)).toEqual(["query.agent", "query.kind", "query.limit", "query.run_id", "query.severity", "query.status"]);
    expect(fieldsOf(await expectProblem(await call(`${FINDINGS}?cursor=bm90LWEtY3Vyc29y`, { headers }), 400, "validation-error"))).toEqual(["query.cursor"]);
  });
});
