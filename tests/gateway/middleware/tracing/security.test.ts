import { describe, expect, it } from "vitest";
import { call } from "../../../helpers/http";

describe("tracing: hostile headers", () => {
  it("never reflects header content that is not a valid trace id", async () => {
    const hostile = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nx-injected: 1";
    const res = await call("/api/v1/health", { headers: { traceparent: hostile.replace(/\r\n/g, " ") } });
    expect(res.headers.get("x-injected")).toBeNull();
    expect(res.headers.get("traceparent")).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
  });

  it("treats an oversized traceparent as absent", async () => {
    const res = await call("/api/v1/health", { headers: { traceparent: `00-${"a".repeat(4096)}-00f067aa0ba902b7-01` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-trace-id")).toMatch(/^[0-9a-f]{32}$/);
  });
});
