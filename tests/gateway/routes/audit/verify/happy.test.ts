import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { AuditPageSchema, AuditVerificationSchema } from "../../../../../workers/audit/schema";

describe("GET /api/v1/audit/verify", () => {
  it("reports an untouched chain valid, with its head at the newest record", async () => {
    const owner = await signUp();
    for (const name of ["one", "two"]) {
      await call("/api/v1/auth/api-keys", { body: { name, scopes: ["dcl:read"] }, headers: bearer(owner.accessToken) });
    }
    const res = await call("/api/v1/audit/verify", { headers: bearer(owner.accessToken) });
    expect(res.status).toBe(200);
    const verification = AuditVerificationSchema.parse(await res.json());

    const [newest] = AuditPageSchema.parse(await (await call("/api/v1/audit?limit=1", { headers: bearer(owner.accessToken) })).json()).items;
    expect(verification).toEqual({ valid: true, checked: 3, head: { seq: 3, hash: newest!.hash } });
  });
});
