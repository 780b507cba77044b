import { describe, expect, it } from "vitest";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { expectProblem, call } from "../../../../helpers/http";
import { AuditPageSchema } from "../../../../../workers/audit/schema";

async function listAudit(token: string, query = "") {
  const res = await call(`/api/v1/audit${query}`, { headers: bearer(token) });
  expect(res.status).toBe(200);
  return AuditPageSchema.parse(await res.json());
}

describe("GET /api/v1/audit: who may read what", () => {
  it("never shows another tenant's records, whatever the query says", async () => {
    const alice = await signUp();
    const bob = await signUp();
    await call("/api/v1/auth/api-keys", { body: { name: "alice's", scopes: ["dcl:read"] }, headers: bearer(alice.accessToken) });
    const alicePage = await listAudit(alice.accessToken, "?limit=1");

    for (const query of ["", `?tenant_id=${alice.tenantId}`, `?actor_id=${alice.userId}`, `?limit=1&cursor=${alicePage.next_cursor}`]) {
      const page = await listAudit(bob.accessToken, query);
      expect(page.items.every((r) => r.tenant_id === bob.tenantId)).toBe(true);
      expect(page.items.map((r) => r.actor_id)).not.toContain(alice.userId);
    }
    expect((await listAudit(bob.accessToken, `?actor_id=${alice.userId}`)).items).toEqual([]);
  });

  it("requires the audit:read scope", async () => {
    const owner = await signUp();
    const key = await createApiKey(owner.accessToken, ["dcl:read", "aam:write"]);
    const problem = await expectProblem(await call("/api/v1/audit", { headers: bearer(key.key) }), 403, "forbidden");
    expect(problem.detail).toMatch(/audit:read/);
  });

  it("lets an API key with audit:read read its own tenant's log", async () => {
    const owner = await signUp();
    const key = await createApiKey(owner.accessToken, ["audit:read"]);
    const page = await listAudit(key.key);
    expect(page.items.map((r) => r.route)).toEqual(["/api/v1/auth/api-keys", "/api/v1/auth/register"]);
    expect(page.items.every((r) => r.tenant_id === owner.tenantId)).toBe(true);
  });

  it("rejects a revoked key", async () => {
    const owner = await signUp();
    const key = await createApiKey(owner.accessToken, ["audit:read"]);
    await call(`/api/v1/auth/api-keys/${key.id}`, { method: "DELETE", headers: bearer(owner.accessToken) });
    expect((await call("/api/v1/audit", { headers: bearer(key.key) })).status).toBe(401);
  });
});
