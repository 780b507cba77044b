import { afterEach, describe, expect, it, vi } from "vitest";
import { call } from "../../../helpers/http";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT = "00f067aa0ba902b7";

describe("tracing: continuing and starting traces", () => {
  afterEach(() => vi.restoreAllMocks());

  it("continues the caller's trace with a span of its own", async () => {
    const res = await call("/api/v1/health", { headers: { traceparent: `00-${TRACE}-${PARENT}-01` } });
    expect(res.headers.get("x-trace-id")).toBe(TRACE);
    const [version, traceId, spanId, flags] = res.headers.get("traceparent")!.split("-");
    expect([version, traceId, flags]).toEqual(["00", TRACE, "01"]);
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(spanId).not.toBe(PARENT);
  });

  it("keeps the caller's not-sampled flag", async () => {
    const res = await call("/api/v1/health", { headers: { traceparent: `00-${TRACE}-${PARENT}-00` } });
    expect(res.headers.get("traceparent")).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-00$`));
  });

  it("starts a new trace when none is given, different per request", async () => {
    const first = (await call("/api/v1/health")).headers.get("x-trace-id");
    const second = (await call("/api/v1/health")).headers.get("x-trace-id");
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toMatch(/^[0-9a-f]{32}$/);
    expect(first).not.toBe(second);
  });

  it("writes one structured JSON log line per request carrying the trace id", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    await call("/api/v1/health", { headers: { traceparent: `00-${TRACE}-${PARENT}-01` } });
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const request = entries.find((e) => e.msg === "request");
    expect(request).toMatchObject({ level: "info", trace_id: TRACE, method: "GET", path: "/api/v1/health", status: 200 });
    expect(typeof request?.duration_ms).toBe("number");
  });
});
