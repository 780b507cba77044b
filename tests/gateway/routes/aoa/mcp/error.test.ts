import { afterAll, describe, expect, it, vi } from "vitest";
import { MCP_PATH } from "../../../../../workers/gateway/routes/aoa/mcp";
import { call, expectProblem } from "../../../../helpers/http";
import { callTool, errorText, mcpClient, tenantThroughPipeline, texts } from "../../../../helpers/mcp";

const t = await tenantThroughPipeline();
afterAll(() => vi.restoreAllMocks());
const client = await mcpClient(t.auth);

const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};

describe("POST /api/v1/aoa/mcp: tool errors an LLM can fix", () => {
  it("rejects input its schema does not allow, naming the field, before any REST call", async () => {
    const text = errorText(await callTool(client, "query_view", { entity: "widgets", limit: 5000 }));
    expect(text).toContain("Input validation error");
    expect(text).toContain('expected one of "accounts"|"opportunities"|"contacts"');
    expect(text).toMatch(/ at entity$/m);
    expect(text).toMatch(/ at limit$/m);
    expect(errorText(await callTool(client, "get_entity", { entity: "account" }))).toMatch(/ at id$/m);
    expect(errorText(await callTool(client, "propose_action", { action: { type: "alert.create" } }))).toMatch(/ at action\.reason$/m);
  });

  it("turns a REST problem into an error result with its status, title, detail and per-field errors", async () => {
    const result = await callTool(client, "query_view", { entity: "accounts", filters: [{ field: "no_such_field", value: 1 }] });
    const [summary, problem] = texts(result);
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(summary).toBe('400 The request is invalid: 1 part(s) of the query are invalid\n- body.filters.0: accounts has no filterable field "no_such_field"');
    expect(JSON.parse(problem!)).toMatchObject({ type: "https://autonomos.dev/problems/validation-error", status: 400, instance: "/api/v1/dcl/query" });
  });

  it("answers get_entity for an unknown id with the lineage route's 404", async () => {
    const text = errorText(await callTool(client, "get_entity", { entity: "account", id: "acc_nope" }));
    expect(text).toContain("404 Not found: no account view row acc_nope");
    expect(text).toContain('"type":"https://autonomos.dev/problems/not-found"');
  });
});

describe("the MCP endpoint's HTTP contract", () => {
  it.each(["GET", "DELETE"])("answers %s with 405 and Allow: POST (a stateless server has no stream nor session)", async (method) => {
    const res = await call(MCP_PATH, { method, headers: { ...t.auth, accept: "text/event-stream" } });
    expect(res.headers.get("allow")).toBe("POST");
    expect((await expectProblem(res, 405, "method-not-allowed")).detail).toContain("stateless");
  });

  it("answers a client that cannot take both JSON and an event stream with the transport's 406", async () => {
    const res = await call(MCP_PATH, { headers: { ...t.auth, accept: "application/json" }, body: INITIALIZE });
    expect(res.status).toBe(406);
    expect(await res.json()).toMatchObject({ jsonrpc: "2.0", error: { code: -32000 } });
  });

  it("answers a body that is not JSON-RPC with a validation problem, and unparseable JSON with malformed-body", async () => {
    const accept = { ...t.auth, accept: "application/json, text/event-stream" };
    const invalid = await expectProblem(await call(MCP_PATH, { headers: accept, body: { hello: "world" } }), 400, "validation-error");
    expect(invalid.errors!.map((e) => [e.path, e.code])).toEqual([["body", "invalid_union"]]);
    await expectProblem(await call(MCP_PATH, { headers: accept, body: "{not json" }), 400, "malformed-body");
  });

  it("answers a raw initialize in plain JSON, with no session id", async () => {
    const res = await call(MCP_PATH, { headers: { ...t.auth, accept: "application/json, text/event-stream" }, body: INITIALIZE });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("mcp-session-id")).toBeNull();
    expect(await res.json()).toMatchObject({ jsonrpc: "2.0", id: 1, result: { serverInfo: { name: "autonomos" } } });
  });
});
