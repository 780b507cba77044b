import { afterAll, describe, expect, it, vi } from "vitest";
import { QueryResultSchema } from "../../../../../workers/dcl/query/json-query";
import { MCP_PATH } from "../../../../../workers/gateway/routes/aoa/mcp";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { callTool, errorText, mcpClient, tenantThroughPipeline } from "../../../../helpers/mcp";

const a = await tenantThroughPipeline();
afterAll(() => vi.restoreAllMocks());

const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};
const ACCEPT = { accept: "application/json, text/event-stream" };

/** A's Müller account, as A's own client sees it. */
const asA = await mcpClient(a.auth);
const muellerOfA = async () => {
  const { rows } = QueryResultSchema.parse((await callTool(asA, "query_view", { entity: "accounts", select: ["id"], filters: [{ field: "source_id", value: "K-1001" }] })).structuredContent);
  return rows[0]![0] as string;
};

describe("MCP authentication", () => {
  it("turns away a request without credentials with 401 before any MCP handling", async () => {
    const res = await call(MCP_PATH, { headers: ACCEPT, body: INITIALIZE });
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="autonomos"');
    await expectProblem(res, 401, "unauthorized");
    await expect(mcpClient({})).rejects.toThrow();
  });

  it("turns away a forged token with 401 invalid-token", async () => {
    await expectProblem(await call(MCP_PATH, { headers: { ...ACCEPT, ...bearer("not.a.jwt") }, body: INITIALIZE }), 401, "invalid-token");
  });
});

describe("MCP authorization: the REST route's scope applies to the tool", () => {
  it("answers an API key without dcl:read with the routes' 403 problem as the tool's error", async () => {
    const key = await createApiKey(a.accessToken, ["aam:read"]);
    const client = await mcpClient(bearer(key.key));
    expect(errorText(await callTool(client, "query_view", { entity: "accounts" }))).toContain("403 Not allowed: This call requires the dcl:read scope");
    expect(errorText(await callTool(client, "list_views"))).toContain('"status":403');
    expect(errorText(await callTool(client, "get_entity", { entity: "account", id: await muellerOfA() }))).toContain("dcl:read");
  });

  it("lets a read-only key read but not propose: propose_action needs actions:write", async () => {
    const client = await mcpClient(bearer((await createApiKey(a.accessToken, ["dcl:read"])).key));
    expect((await callTool(client, "list_views")).isError).toBeUndefined();
    const action = { type: "alert.create", target: null, params: { severity: "low", title: "t", body: "b", recipient: null }, reason: "r", idempotency_key: "k-1" };
    expect(errorText(await callTool(client, "propose_action", { action }))).toContain("403 Not allowed: This call requires the actions:write scope");
  });
});

describe("MCP tenant isolation", () => {
  it("never shows tenant B tenant A's rows: not by query, not by A's id", async () => {
    const id = await muellerOfA();
    const b = await signUp();
    const asB = await mcpClient(bearer((await createApiKey(b.accessToken, ["dcl:read"])).key));
    const all = QueryResultSchema.parse((await callTool(asB, "query_view", { entity: "accounts", include_deleted: true })).structuredContent);
    expect(all.rows).toEqual([]);
    const byId = QueryResultSchema.parse((await callTool(asB, "query_view", { entity: "accounts", filters: [{ field: "id", value: id }] })).structuredContent);
    expect(byId.rows).toEqual([]);
    expect(errorText(await callTool(asB, "get_entity", { entity: "account", id }))).toContain("404 Not found");
    // while A, with its own credential, does read that row
    expect((await callTool(asA, "get_entity", { entity: "account", id })).isError).toBeUndefined();
  });
});
