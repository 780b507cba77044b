import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../../helpers/auth";
import { call } from "../../../helpers/http";

async function expectUnauthorized(res: Response, kind: "unauthorized" | "invalid-token") {
  expect(res.status).toBe(401);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = await res.json<{ type: string; trace_id: string }>();
  expect(body.type).toBe(`https://autonomos.dev/problems/${kind}`);
  expect(body.trace_id).toBe(res.headers.get("x-trace-id"));
  return res.headers.get("www-authenticate");
}

describe("auth middleware: missing or unusable credentials", () => {
  it("asks for credentials when there are none", async () => {
    const challenge = await expectUnauthorized(await call("/api/v1/auth/me"), "unauthorized");
    expect(challenge).toBe('Bearer realm="autonomos"');
  });

  it("guards every non-public API path, even ones that do not exist, so routes are not revealed", async () => {
    await expectUnauthorized(await call("/api/v1/no-such-thing"), "unauthorized");
    const { accessToken } = await signUp();
    expect((await call("/api/v1/no-such-thing", { headers: bearer(accessToken) })).status).toBe(404);
  });

  it.each([
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["an empty bearer", "Bearer "],
    ["two credentials", "Bearer one two"],
  ])("rejects %s as an invalid token", async (_case, authorization) => {
    const challenge = await expectUnauthorized(await call("/api/v1/auth/me", { headers: { authorization } }), "invalid-token");
    expect(challenge).toBe('Bearer realm="autonomos", error="invalid_token"');
  });

  it.each([
    ["garbage", "not-a-token"],
    ["a JWT-shaped string", "aaa.bbb.ccc"],
    ["a malformed API key", "aos_nope"],
    ["an unknown API key", `aos_key_${"0".repeat(24)}_${"A".repeat(43)}`],
  ])("rejects %s", async (_case, credential) => {
    await expectUnauthorized(await call("/api/v1/auth/me", { headers: bearer(credential) }), "invalid-token");
  });

  it("does not accept a refresh token as a bearer credential", async () => {
    const { refreshToken } = await signUp();
    await expectUnauthorized(await call("/api/v1/auth/me", { headers: bearer(refreshToken) }), "invalid-token");
  });
});
