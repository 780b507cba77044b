import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { PASSWORD, signUp, uniqueEmail } from "../../../helpers/auth";
import { call } from "../../../helpers/http";

type Problem = { type: string; status: number; detail?: string; trace_id: string; errors?: { path: string; message: string }[] };

const PROBLEMS = "https://autonomos.dev/problems/";
const register = (body: unknown) => call("/api/v1/auth/register", { body });
const login = (body: unknown) => call("/api/v1/auth/login", { body });
const refresh = (body: unknown) => call("/api/v1/auth/refresh", { body });

async function problem(res: Response, status: number, kind: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = await res.json<Problem>();
  expect(body.type).toBe(PROBLEMS + kind);
  expect(body.trace_id).toBe(res.headers.get("x-trace-id"));
  return body;
}

const issueAt = (body: Problem, path: string) => body.errors?.find((e) => e.path === path)?.message;

describe("validation of the auth requests", () => {
  it("lists every missing register field under body.*", async () => {
    const body = await problem(await register({}), 400, "validation-error");
    expect(body.errors?.map((e) => e.path).sort()).toEqual(["body.email", "body.password", "body.tenant_name"]);
    expect(issueAt(body, "body.email")).toBe("Email is required");
    expect(issueAt(body, "body.password")).toBe("Password is required");
  });

  it("explains each invalid register field", async () => {
    const body = await problem(
      await register({ email: "not-an-email", password: "too short", tenant_name: "   ", username: "" }),
      400,
      "validation-error",
    );
    expect(issueAt(body, "body.email")).toBe("Enter a valid email address");
    expect(issueAt(body, "body.password")).toBe("Password must be at least 12 characters");
    expect(issueAt(body, "body.tenant_name")).toBe("Tenant name is required");
    expect(issueAt(body, "body.username")).toBe("Username must not be empty");
  });

  it("caps passwords at 256 characters", async () => {
    const body = await problem(await register({ email: uniqueEmail(), password: "x".repeat(257), tenant_name: "T" }), 400, "validation-error");
    expect(issueAt(body, "body.password")).toBe("Password must be at most 256 characters");
  });

  it("accepts a password of exactly 12 characters", async () => {
    expect((await register({ email: uniqueEmail(), password: "twelve-chars", tenant_name: "T" })).status).toBe(201);
  });

  it("validates login and refresh bodies too", async () => {
    const loginProblem = await problem(await login({ email: "nobody", password: "" }), 400, "validation-error");
    expect(issueAt(loginProblem, "body.email")).toBe("Enter a valid email address");
    expect(issueAt(loginProblem, "body.password")).toBe("Password is required");
    const refreshProblem = await problem(await refresh({}), 400, "validation-error");
    expect(issueAt(refreshProblem, "body.refresh_token")).toBe("Refresh token is required");
  });

  it("answers malformed JSON with malformed-body", async () => {
    await problem(await register("{\"email\": "), 400, "malformed-body");
    await problem(await login("not json"), 400, "malformed-body");
  });
});

describe("register conflicts", () => {
  it("refuses an email that already has an account, whatever its case, and creates no tenant", async () => {
    const { email } = await signUp();
    const before = await env.DB.prepare("SELECT count(*) AS n FROM tenants").first<{ n: number }>();
    const body = await problem(await register({ email: email.toUpperCase(), password: PASSWORD, tenant_name: "Again" }), 409, "conflict");
    expect(body.detail).toBe("An account with this email already exists");
    const after = await env.DB.prepare("SELECT count(*) AS n FROM tenants").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });
});

describe("login failures", () => {
  it("rejects a wrong password with invalid-credentials", async () => {
    const { email } = await signUp();
    const body = await problem(await login({ email, password: "definitely the wrong one" }), 401, "invalid-credentials");
    expect(body.detail).toBe("The email or password is wrong");
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const { email } = await signUp();
    const wrongPassword = await problem(await login({ email, password: "definitely the wrong one" }), 401, "invalid-credentials");
    const unknownEmail = await problem(await login({ email: uniqueEmail(), password: PASSWORD }), 401, "invalid-credentials");
    const { trace_id: _a, ...a } = wrongPassword;
    const { trace_id: _b, ...b } = unknownEmail;
    expect(b).toEqual(a);
  });
});

describe("refresh failures", () => {
  it("rejects a token it never issued", async () => {
    const body = await problem(await refresh({ refresh_token: "not-a-real-refresh-token" }), 401, "invalid-token");
    expect(body.detail).toBe("The refresh token is not valid");
  });

  it("rejects an expired refresh token", async () => {
    const { refreshToken, userId } = await signUp();
    await env.DB.prepare("UPDATE refresh_tokens SET expires_at = ? WHERE user_id = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), userId)
      .run();
    const body = await problem(await refresh({ refresh_token: refreshToken }), 401, "invalid-token");
    expect(body.detail).toBe("The refresh token has expired");
  });
});
