import { describe, expect, it } from "vitest";
import { MeSchema } from "../../../../workers/gateway/routes/auth/me";
import { PASSWORD, bearer, createApiKey, signUp } from "../../../helpers/auth";
import { call } from "../../../helpers/http";

describe("auth middleware: callers it lets through", () => {
  it.each([
    ["GET", "/api/v1/openapi.json", 200],
    ["GET", "/api/v1/docs", 200],
  ])("serves %s %s without credentials", async (method, path, status) => {
    expect((await call(path, { method })).status).toBe(status);
  });

  it("lets the health check through without credentials", async () => {
    const res = await call("/api/v1/health");
    expect(res.status).not.toBe(401);
    expect(await res.json()).toHaveProperty("checks");
  });

  it.each(["/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh"])(
    "lets %s reach its own validation without credentials",
    async (path) => {
      const res = await call(path, { body: {} });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ type: "https://autonomos.dev/problems/validation-error" });
    },
  );

  it("ignores a stale Authorization header on public routes, so signing in again works", async () => {
    const { email } = await signUp();
    const res = await call("/api/v1/auth/login", { body: { email, password: PASSWORD }, headers: bearer("stale.expired.token") });
    expect(res.status).toBe(200);
  });

  it("makes a valid access token's user the caller", async () => {
    const { accessToken, userId, tenantId } = await signUp();
    const me = MeSchema.parse(await (await call("/api/v1/auth/me", { headers: bearer(accessToken) })).json());
    expect(me).toMatchObject({ kind: "user", user: { id: userId }, tenant: { id: tenantId } });
  });

  it("makes a valid API key the caller", async () => {
    const { accessToken, tenantId } = await signUp();
    const { key, id } = await createApiKey(accessToken, ["aam:read"]);
    const me = MeSchema.parse(await (await call("/api/v1/auth/me", { headers: bearer(key) })).json());
    expect(me).toMatchObject({ kind: "api_key", api_key: { id }, tenant: { id: tenantId }, scopes: ["aam:read"] });
  });

  it("accepts the Bearer scheme in any case", async () => {
    const { accessToken } = await signUp();
    const res = await call("/api/v1/auth/me", { headers: { authorization: `bearer ${accessToken}` } });
    expect(res.status).toBe(200);
  });
});
