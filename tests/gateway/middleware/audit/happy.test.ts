import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../../helpers/auth";
import { call } from "../../../helpers/http";
import { auditRecords } from "../../../helpers/audit";
import { sha256Hex } from "../../../../workers/platform/crypto";

describe("audit middleware: what gets recorded", () => {
  it("records a mutating request with its actor, route, resource, status, trace id and body hash", async () => {
    const owner = await signUp();
    const body = JSON.stringify({ name: "ci agent", scopes: ["dcl:read"] });
    const res = await call("/api/v1/auth/api-keys", { body, headers: bearer(owner.accessToken) });
    expect(res.status).toBe(201);

    const [latest, ...older] = await auditRecords(owner.tenantId);
    expect(latest).toMatchObject({
      tenant_id: owner.tenantId,
      actor_type: "user",
      actor_id: owner.userId,
      method: "POST",
      route: "/api/v1/auth/api-keys",
      resource: "/api/v1/auth/api-keys",
      status: 201,
      trace_id: res.headers.get("x-trace-id"),
      body_hash: await sha256Hex(body),
    });
    expect(Date.parse(latest!.occurred_at)).not.toBeNaN();
    expect(older.map((r) => r.route)).toEqual(["/api/v1/auth/register"]);
  });

  it("records the route pattern apart from the concrete resource", async () => {
    const owner = await signUp();
    const created = await call("/api/v1/auth/api-keys", { body: { name: "short-lived", scopes: ["dcl:read"] }, headers: bearer(owner.accessToken) });
    const { id } = await created.json<{ id: string }>();
    const res = await call(`/api/v1/auth/api-keys/${id}`, { method: "DELETE", headers: bearer(owner.accessToken) });
    expect(res.status).toBe(204);

    const [latest] = await auditRecords(owner.tenantId);
    expect(latest).toMatchObject({
      method: "DELETE",
      route: "/api/v1/auth/api-keys/:id",
      resource: `/api/v1/auth/api-keys/${id}`,
      status: 204,
      trace_id: res.headers.get("x-trace-id"),
      body_hash: await sha256Hex(""),
    });
  });

  it("records sign-up as the new admin's first act, once the handler knows who that is", async () => {
    const owner = await signUp();
    const records = await auditRecords(owner.tenantId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      seq: 1,
      actor_type: "user",
      actor_id: owner.userId,
      method: "POST",
      route: "/api/v1/auth/register",
      status: 201,
      body_hash: null,
    });
  });

  it("records a request once, however often its Idempotency-Key replays it", async () => {
    const owner = await signUp();
    const send = () =>
      call("/api/v1/auth/api-keys", {
        body: { name: "once", scopes: ["dcl:read"] },
        headers: { ...bearer(owner.accessToken), "idempotency-key": "audit-once-1" },
      });
    const first = await send();
    const replay = await send();
    expect([first.status, replay.status]).toEqual([201, 201]);
    const records = await auditRecords(owner.tenantId);
    expect(records.map((r) => r.route)).toEqual(["/api/v1/auth/api-keys", "/api/v1/auth/register"]);
    expect(records[0]!.trace_id).toBe(first.headers.get("x-trace-id"));
  });

  it("records nothing for reads", async () => {
    const owner = await signUp();
    const before = await auditRecords(owner.tenantId);
    for (const path of ["/api/v1/auth/me", "/api/v1/auth/api-keys", "/api/v1/audit", "/api/v1/audit/verify"]) {
      expect((await call(path, { headers: bearer(owner.accessToken) })).status).toBe(200);
    }
    expect(await auditRecords(owner.tenantId)).toEqual(before);
  });
});
