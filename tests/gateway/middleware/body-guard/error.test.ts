import { describe, expect, it } from "vitest";
import { call, expectProblem } from "../../../helpers/http";

const LIMIT = 1_048_576; // MAX_BODY_BYTES in wrangler.toml

describe("body guard: bodies the gateway refuses", () => {
  it("refuses a body over the limit by its Content-Length with 413", async () => {
    const body = JSON.stringify({ email: "a@b.co", password: "x".repeat(LIMIT) });
    const res = await call("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body });
    const problem = await expectProblem(res, 413, "payload-too-large");
    expect(problem.detail).toContain(String(LIMIT));
  });

  it("refuses an over-limit body streamed without a Content-Length", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > LIMIT + chunk.byteLength) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await call("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: stream });
    await expectProblem(res, 413, "payload-too-large");
  });

  it.each([
    ["text/plain", "text/plain"],
    ["form data", "application/x-www-form-urlencoded"],
  ])("refuses a %s body on a JSON route with 415", async (_name, type) => {
    const res = await call("/api/v1/auth/login", { method: "POST", headers: { "content-type": type }, body: "email=a" });
    const problem = await expectProblem(res, 415, "unsupported-media-type");
    expect(problem.detail).toContain(type);
  });

  it("requires a Content-Type for a body", async () => {
    const res = await call("/api/v1/auth/login", { method: "POST", body: new Uint8Array([123, 125]) });
    await expectProblem(res, 415, "unsupported-media-type");
  });

  it("answers malformed JSON with a 400 problem", async () => {
    const res = await call("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    await expectProblem(res, 400, "malformed-body");
  });
});
