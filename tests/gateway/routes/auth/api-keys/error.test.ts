import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";

type Problem = { type: string; status: number; detail?: string; errors?: { path: string; message: string }[] };

async function problem(res: Response, status: number, kind: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = await res.json<Problem>();
  expect(body.type).toBe(`https://autonomos.dev/problems/${kind}`);
  return body;
}

describe("API key requests that are wrong", () => {
  it("needs a name and at least one scope", async () => {
    const { accessToken } = await signUp();
    const res = await call("/api/v1/auth/api-keys", { body: { name: " ", scopes: [] }, headers: bearer(accessToken) });
    const body = await problem(res, 400, "validation-error");
    expect(body.errors).toEqual([
      expect.objectContaining({ path: "body.name", message: "Name is required" }),
      expect.objectContaining({ path: "body.scopes", message: "Give the key at least one scope" }),
    ]);
  });

  it("rejects scopes that do not exist, pointing at the entry", async () => {
    const { accessToken } = await signUp();
    const res = await call("/api/v1/auth/api-keys", { body: { name: "k", scopes: ["dcl:read", "root"] }, headers: bearer(accessToken) });
    const body = await problem(res, 400, "validation-error");
    expect(body.errors?.map((e) => e.path)).toEqual(["body.scopes.1"]);
  });

  it("answers 404 for a key id the tenant does not have", async () => {
    const { accessToken } = await signUp();
    const res = await call("/api/v1/auth/api-keys/key_000000000000000000000000", { method: "DELETE", headers: bearer(accessToken) });
    await problem(res, 404, "not-found");
  });

  it("answers malformed JSON with malformed-body", async () => {
    const { accessToken } = await signUp();
    const res = await call("/api/v1/auth/api-keys", { body: "{name:", headers: bearer(accessToken) });
    await problem(res, 400, "malformed-body");
  });
});
