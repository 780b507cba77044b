import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DriftPageSchema } from "../../../../../workers/gateway/routes/aam/drift/list";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { driftedConnection } from "../../../../helpers/drift";
import { call, expectProblem } from "../../../../helpers/http";
import { tenantScope } from "../../../../helpers/normalize";

const alice = await tenantScope();
const mallory = await signUp();
const as = (token: string) => ({ headers: bearer(token) });
const statusOf = async (id: string) => (await env.DB.prepare("SELECT status FROM drift_events WHERE id = ?").bind(id).first<{ status: string }>())?.status;

describe("drift routes: tenant isolation and scopes", () => {
  it("never lists another tenant's drift events", async () => {
    const { connectionId } = await driftedConnection(alice.scope);
    for (const query of ["", `connection_id=${connectionId}`, "status=open", "breaking=true", "object=Account"]) {
      const page = DriftPageSchema.parse(await (await call(`/api/v1/aam/drift?${query}`, as(mallory.accessToken))).json());
      expect(page.items).toEqual([]);
    }
  });

  it("answers 404 to reading or ignoring another tenant's event, and leaves it open", async () => {
    const { breaking, harmless } = await driftedConnection(alice.scope);
    await expectProblem(await call(`/api/v1/aam/drift/${breaking.id}`, as(mallory.accessToken)), 404, "not-found");
    await expectProblem(await call(`/api/v1/aam/drift/${harmless.id}/ignore`, { method: "POST", ...as(mallory.accessToken) }), 404, "not-found");
    expect(await statusOf(harmless.id)).toBe("open");
  });

  it("lists and reads with aam:read, ignores only with aam:write", async () => {
    const { harmless } = await driftedConnection(alice.scope);
    const { key: reader } = await createApiKey(alice.accessToken, ["aam:read"]);
    const { key: writer } = await createApiKey(alice.accessToken, ["aam:write"]);
    const { key: other } = await createApiKey(alice.accessToken, ["dcl:read"]);
    await expectProblem(await call("/api/v1/aam/drift", as(other)), 403, "forbidden");
    await expectProblem(await call(`/api/v1/aam/drift/${harmless.id}`, as(other)), 403, "forbidden");
    expect((await call("/api/v1/aam/drift", as(reader))).status).toBe(200);
    expect((await call(`/api/v1/aam/drift/${harmless.id}`, as(reader))).status).toBe(200);
    await expectProblem(await call(`/api/v1/aam/drift/${harmless.id}/ignore`, { method: "POST", ...as(reader) }), 403, "forbidden");
    expect(await statusOf(harmless.id)).toBe("open");
    expect((await call(`/api/v1/aam/drift/${harmless.id}/ignore`, { method: "POST", ...as(writer) })).status).toBe(200);
    expect(await statusOf(harmless.id)).toBe("ignored");
  });
});
