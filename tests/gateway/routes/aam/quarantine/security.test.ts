import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { QuarantinePageSchema } from "../../../../../workers/gateway/routes/aam/quarantine/list";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { normalizedRun, tenantScope } from "../../../../helpers/normalize";

const alice = await tenantScope();
const mallory = await signUp();
const as = (token: string) => ({ headers: bearer(token) });

async function openIds(runId: string) {
  const { results } = await env.DB.prepare("SELECT id FROM quarantine WHERE run_id = ? AND status = 'open'").bind(runId).all<{ id: string }>();
  return results.map((r) => r.id).sort();
}

describe("quarantine: tenant isolation and scopes", () => {
  it("never lists another tenant's quarantined records", async () => {
    const { connectionId } = await normalizedRun(alice.scope);
    for (const query of ["", `connection_id=${connectionId}`, "status=open"]) {
      const page = QuarantinePageSchema.parse(await (await call(`/api/v1/aam/quarantine?${query}`, as(mallory.accessToken))).json());
      expect(page.items).toEqual([]);
    }
  });

  it("answers 404 to a replay of another tenant's records, by id or by connection, and leaves them open", async () => {
    const { connectionId, runId } = await normalizedRun(alice.scope);
    const ids = await openIds(runId);
    expect(ids).toHaveLength(2);
    const replay = (body: unknown) => call("/api/v1/aam/quarantine/replay", { body, ...as(mallory.accessToken) });
    await expectProblem(await replay({ ids }), 404, "not-found");
    await expectProblem(await replay({ connection_id: connectionId }), 404, "not-found");
    expect(await openIds(runId)).toEqual(ids);
    const runs = await env.DB.prepare("SELECT count(*) AS n FROM sync_runs WHERE tenant_id = ? AND kind = 'replay'").bind(mallory.tenantId).first();
    expect(runs).toEqual({ n: 0 });
  });

  it("lists with aam:read, replays only with aam:write", async () => {
    const { connectionId } = await normalizedRun(alice.scope);
    const { key: reader } = await createApiKey(alice.accessToken, ["aam:read"]);
    const { key: writer } = await createApiKey(alice.accessToken, ["aam:write"]);
    const { key: other } = await createApiKey(alice.accessToken, ["dcl:read"]);
    await expectProblem(await call("/api/v1/aam/quarantine", as(other)), 403, "forbidden");
    expect((await call("/api/v1/aam/quarantine", as(reader))).status).toBe(200);
    await expectProblem(await call("/api/v1/aam/quarantine/replay", { body: { connection_id: connectionId }, ...as(reader) }), 403, "forbidden");
    expect((await call("/api/v1/aam/quarantine/replay", { body: { connection_id: connectionId }, ...as(writer) })).status).toBe(200);
  });
});
