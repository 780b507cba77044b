import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("GET /api/v1/health", () => {
  it("reports every dependency ok with the package version", async () => {
    const res = await exports.default.fetch("https://api.test/api/v1/health");
    expect(res.status).toBe(200);
    const body = await res.json<{ status: string; version: string; checks: Record<string, { status: string }> }>();
    expect(body.status).toBe("ok");
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(body.checks).sort()).toEqual(["d1", "durable_objects", "r2"]);
    expect(Object.values(body.checks).every((c) => c.status === "ok")).toBe(true);
  });
});
