import { describe, expect, it } from "vitest";
import { call, expectProblem } from "../../../helpers/http";
import { parseTraceparent } from "../../../../workers/gateway/middleware/tracing";

describe("tracing: invalid input and error responses", () => {
  it.each([
    ["garbage", "not-a-traceparent"],
    ["all-zero trace id", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"],
    ["all-zero parent id", "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"],
    ["forbidden version ff", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"],
    ["short trace id", "00-4bf92f3577b34da6a3ce929d0e0e47-00f067aa0ba902b7-01"],
  ])("ignores a %s traceparent and starts a new trace", async (_name, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
    const res = await call("/api/v1/health", { headers: { traceparent: header } });
    const traceId = res.headers.get("x-trace-id")!;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(header).not.toContain(traceId);
  });

  it("puts the trace id on problem responses, header and body alike", async () => {
    const trace = "0af7651916cd43dd8448eb211c80319c";
    const res = await call("/api/v1/auth/me", { headers: { traceparent: `00-${trace}-b7ad6b7169203331-01` } });
    const problem = await expectProblem(res, 401, "unauthorized");
    expect(problem.trace_id).toBe(trace);
    expect(res.headers.get("traceparent")).toMatch(new RegExp(`^00-${trace}-`));
  });
});
