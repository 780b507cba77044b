import { describe, expect, it } from "vitest";
import { bearer, createApiKey, signUp, type SignedUp } from "../../../../helpers/auth";
import { expectProblem, call } from "../../../../helpers/http";
import { tamperAuditStorage } from "../../../../helpers/audit";
import { AuditVerificationSchema } from "../../../../../workers/audit/schema";

async function verify(token: string) {
  const res = await call("/api/v1/audit/verify", { headers: bearer(token) });
  expect(res.status).toBe(200);
  return AuditVerificationSchema.parse(await res.json());
}

/** A tenant whose chain holds three records: sign-up and two key creations. */
async function tenantWithThreeRecords(): Promise<SignedUp> {
  const owner = await signUp();
  for (const name of ["one", "two"]) {
    await call("/api/v1/auth/api-keys", { body: { name, scopes: ["dcl:read"] }, headers: bearer(owner.accessToken) });
  }
  expect(await verify(owner.accessToken)).toMatchObject({ valid: true, checked: 3 });
  return owner;
}

describe("GET /api/v1/audit/verify: tampering", () => {
  it("detects a record whose status was rewritten in storage", async () => {
    const owner = await tenantWithThreeRecords();
    await tamperAuditStorage(owner.tenantId, "UPDATE audit_log SET status = 500 WHERE seq = 2");
    expect(await verify(owner.accessToken)).toMatchObject({
      valid: false,
      checked: 1,
      first_invalid_seq: 2,
      reason: expect.stringMatching(/edited/),
    });
  });

  it("detects a deleted last record", async () => {
    const owner = await tenantWithThreeRecords();
    await tamperAuditStorage(owner.tenantId, "DELETE FROM audit_log WHERE seq = 3");
    expect(await verify(owner.accessToken)).toMatchObject({ valid: false, head: { seq: 3 }, first_invalid_seq: 3 });
  });

  it("reports on the caller's own tenant only", async () => {
    const tampered = await tenantWithThreeRecords();
    const other = await tenantWithThreeRecords();
    await tamperAuditStorage(tampered.tenantId, "DELETE FROM audit_log WHERE seq = 2");
    expect(await verify(tampered.accessToken)).toMatchObject({ valid: false, first_invalid_seq: 2 });
    expect(await verify(other.accessToken)).toMatchObject({ valid: true, checked: 3 });
  });

  it("requires the audit:read scope", async () => {
    const owner = await signUp();
    const key = await createApiKey(owner.accessToken, ["dcl:read"]);
    await expectProblem(await call("/api/v1/audit/verify", { headers: bearer(key.key) }), 403, "forbidden");
    await expectProblem(await call("/api/v1/audit/verify"), 401, "unauthorized");
  });
});
