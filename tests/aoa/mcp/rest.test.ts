import { describe, expect, it } from "vitest";
import { restClient } from "../../../workers/aoa/mcp/rest";
import { toolResult } from "../../../workers/aoa/mcp/result";

const caller = { origin: "https://api.test", authorization: "Bearer aos_secret", traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" };
const PROBLEM = {
  type: "https://autonomos.dev/problems/validation-error",
  title: "The request is invalid",
  status: 400,
  detail: "2 field(s) are invalid",
  instance: "/api/v1/dcl/query",
  trace_id: "4bf92f3577b34da6a3ce929d0e0e4736",
  errors: [
    { path: "body.limit", message: "Too big", code: "too_big" },
    { path: "body.entity", message: "Invalid option", code: "invalid_value" },
  ],
};

describe("restClient", () => {
  it("sends the caller's credential and trace with a JSON body to the path on the caller's origin", async () => {
    const seen: Request[] = [];
    const rest = restClient(async (request) => {
      seen.push(request);
      return Response.json({ rows: [] });
    }, caller);
    expect(await rest({ method: "POST", path: "/api/v1/dcl/query", body: { entity: "accounts" } })).toEqual({ ok: true, status: 200, body: { rows: [] } });
    const [request] = seen as [Request];
    expect([request.method, request.url]).toEqual(["POST", "https://api.test/api/v1/dcl/query"]);
    expect(request.headers.get("authorization")).toBe("Bearer aos_secret");
    expect(request.headers.get("traceparent")).toBe(caller.traceparent);
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await request.json()).toEqual({ entity: "accounts" });
  });

  it("sends a GET without a body or content type", async () => {
    let sent: Request | undefined;
    await restClient(async (request) => {
      sent = request;
      return Response.json({});
    }, caller)({ method: "GET", path: "/api/v1/aoa/findings?severity=high" });
    expect(sent!.url).toBe("https://api.test/api/v1/aoa/findings?severity=high");
    expect(sent!.headers.has("content-type")).toBe(false);
    expect(sent!.body).toBeNull();
  });

  it("reads a problem+json answer as the problem", async () => {
    const rest = restClient(async () => new Response(JSON.stringify(PROBLEM), { status: 400, headers: { "content-type": "application/problem+json" } }), caller);
    expect(await rest({ method: "GET", path: "/x" })).toEqual({ ok: false, status: 400, problem: PROBLEM });
  });

  it("refuses an answer that is neither JSON nor a problem", async () => {
    const rest = restClient(async () => new Response("<html>", { status: 502, headers: { "content-type": "text/html" } }), caller);
    await expect(rest({ method: "GET", path: "/x" })).rejects.toThrow("GET /x answered 502 text/html");
  });
});

describe("toolResult", () => {
  it("gives a success its JSON as structured content and as text", () => {
    expect(toolResult({ ok: true, status: 201, body: { id: "act_1", status: 0 } })).toEqual({
      structuredContent: { id: "act_1", status: 0 },
      content: [{ type: "text", text: '{"id":"act_1","status":0}' }],
    });
  });

  it("gives a problem an error result: status, title, detail, each field, then the problem itself", () => {
    const result = toolResult({ ok: false, status: 400, problem: PROBLEM });
    expect(result).toEqual({
      isError: true,
      content: [
        { type: "text", text: "400 The request is invalid: 2 field(s) are invalid\n- body.limit: Too big\n- body.entity: Invalid option" },
        { type: "text", text: JSON.stringify(PROBLEM) },
      ],
    });
    expect(result).not.toHaveProperty("structuredContent");
  });
});
