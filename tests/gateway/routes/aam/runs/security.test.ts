import { describe, expect, it } from "vitest";
import { RunPageSchema } from "../../../../../workers/gateway/routes/aam/runs/list";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { normalizedRun, tenantScope } from "../../../../helpers/normalize";

const alice = await tenantScope();
const mallory = await signUp();

describe("sync runs: tenant isolation and scopes", () => {
  it("answers 404 to another tenant's run and never lists it", async () => {
    const { connectionId, runId } = await normalizedRun(alice.scope);
    await expectProblem(await call(`/api/v1/aam/runs/${runId}`, { headers: bearer(mallory.accessToken) }), 404, "not-found");
    for (const query of ["", `?connection_id=${connectionId}`]) {
      const page = RunPageSchema.parse(await (await call(`/api/v1/aam/runs${query}`, { headers: bearer(mallory.accessToken) })).json());
      expect(page.items).toEqual([]);
    }
    expect((await call(`/api/v1/aam/runs/${runId}`, { headers: bearer(alice.accessToken) })).status).toBe(200);
  });

  it("requires the aam:read scope", async () => {
    const { key } = await createApiKey(alice.accessToken, ["dcl:read"]);
    await expectProblem(await call("/api/v1/aam/runs", { headers: bearer(key) }), 403, "forbidden");
    const { key: reader } = await createApiKey(alice.accessToken, ["aam:read"]);
    expect((await call("/api/v1/aam/runs", { headers: bearer(reader) })).status).toBe(200);
  });
});
