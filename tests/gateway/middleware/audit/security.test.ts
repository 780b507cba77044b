import { describe, expect, it } from "vitest";
import { bearer, createApiKey, signUp } from "../../../helpers/auth";
import { auditRecords } from "../../../helpers/audit";
import { call as rawCall, call } from "../../../helpers/http";
import { sha256Hex } from "../../../../workers/platform/crypto";

describe("audit middleware: whose chain, and what it reveals", () => {
  it("writes each tenant's requests into its own chain only", async () => {
    const alice = await signUp();
    const bob = await signUp();
    const aliceRes = await call("/api/v1/auth/api-keys", { body: { name: "a", scopes: ["dcl:read"] }, headers: bearer(alice.accessToken) });
    const bobRes = await call("/api/v1/auth/api-keys", { body: { name: "b", scopes: ["dcl:read"] }, headers: bearer(bob.accessToken) });

    const aliceRecords = await auditRecords(alice.tenantId);
    const bobRecords = await auditRecords(bob.tenantId);
    expect(aliceRecords.every((r) => r.tenant_id === alice.tenantId && r.actor_id === alice.userId)).toBe(true);
    expect(bobRecords.every((r) => r.tenant_id === bob.tenantId && r.actor_id === bob.userId)).toBe(true);
    expect(aliceRecords.map((r) => r.trace_id)).toContain(aliceRes.headers.get("x-trace-id"));
    expect(aliceRecords.map((r) => r.trace_id)).not.toContain(bobRes.headers.get("x-trace-id"));
  });

  it("takes the tenant from the credential, whatever the body claims", async () => {
    const alice = await signUp();
    const bob = await signUp();
    const bobBefore = await auditRecords(bob.tenantId);
    const res = await call("/api/v1/auth/api-keys", {
      body: { name: "sneaky", scopes: ["dcl:read"], tenant_id: bob.tenantId },
      headers: bearer(alice.accessToken),
    });
    expect(res.headers.get("x-trace-id")).toMatch(/^[0-9a-f]{32}$/);
    expect((await auditRecords(alice.tenantId))[0]).toMatchObject({ tenant_id: alice.tenantId, trace_id: res.headers.get("x-trace-id") });
    expect(await auditRecords(bob.tenantId)).toEqual(bobBefore);
  });

  it("records an API key's refused attempt under the key", async () => {
    const owner = await signUp();
    const key = await createApiKey(owner.accessToken, ["dcl:read"]);
    const res = await call("/api/v1/auth/api-keys", { body: { name: "escalate", scopes: ["audit:read"] }, headers: bearer(key.key) });
    expect(res.status).toBe(403);
    expect((await auditRecords(owner.tenantId))[0]).toMatchObject({
      actor_type: "api_key",
      actor_id: key.id,
      route: "/api/v1/auth/api-keys",
      status: 403,
      trace_id: res.headers.get("x-trace-id"),
    });
  });

  it("hashes the body bytes as received, not the text the route decoded from them", async () => {
    const owner = await signUp();
    // A UTF-8 byte-order mark: valid JSON to the route, but dropped when the body is decoded to text.
    const json = new TextEncoder().encode('{ "name" : "with a BOM", "scopes" : [ "dcl:read" ] }');
    const sent = new Uint8Array([0xef, 0xbb, 0xbf, ...json]);
    const res = await rawCall("/api/v1/auth/api-keys", {
      method: "POST",
      headers: { ...bearer(owner.accessToken), "content-type": "application/json" },
      body: sent,
    });
    expect(res.status).toBe(201);
    const [latest] = await auditRecords(owner.tenantId);
    expect(latest!.body_hash).toBe(await sha256Hex(sent));
    expect(latest!.body_hash).not.toBe(await sha256Hex(json));
  });

  it("never hashes a body that carried the password into the log", async () => {
    const owner = await signUp();
    const res = await call("/api/v1/auth/login", { body: { email: owner.email, password: owner.password } });
    expect(res.status).toBe(200);
    const [login, register] = await auditRecords(owner.tenantId);
    expect(login).toMatchObject({ route: "/api/v1/auth/login", actor_id: owner.userId, status: 200, body_hash: null });
    expect(register).toMatchObject({ route: "/api/v1/auth/register", body_hash: null });
  });
});
