import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../workers/gateway/app";
import { ProblemError } from "../../workers/gateway/problem";
import { expectProblem } from "../helpers/http";

/** The real app with extra routes outside /api (only tracing applies there) that fail in chosen ways. */
function appWithFailingRoutes() {
  const app = createApp();
  app.get("/boom", () => {
    throw new Error("database password is hunter2");
  });
  app.get("/conflict", () => {
    throw new ProblemError("conflict", "already there");
  });
  return async (path: string) => {
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(`https://api.test${path}`), env, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  };
}

describe("gateway error handling", () => {
  afterEach(() => vi.restoreAllMocks());

  it("turns an unexpected exception into a 500 problem without leaking its message or stack, and logs it", async () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void logged.push(line));
    const res = await appWithFailingRoutes()("/boom");
    const problem = await expectProblem(res, 500, "internal");
    expect(JSON.stringify(problem)).not.toContain("hunter2");
    const entry = logged.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.msg === "unhandled error");
    expect(entry).toMatchObject({ level: "error", error: "database password is hunter2", trace_id: problem.trace_id });
  });

  it("renders a ProblemError with its kind and detail", async () => {
    const problem = await expectProblem(await appWithFailingRoutes()("/conflict"), 409, "conflict");
    expect(problem.detail).toBe("already there");
    expect(problem.instance).toBe("/conflict");
  });

  it("answers unknown routes with a 404 problem", async () => {
    await expectProblem(await appWithFailingRoutes()("/nowhere"), 404, "not-found");
  });
});
