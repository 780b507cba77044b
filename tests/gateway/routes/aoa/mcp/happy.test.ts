import { afterAll, describe, expect, it, vi } from "vitest";
import pkg from "../../../../../package.json";
import { CatalogEntityListSchema } from "../../../../../workers/dcl/catalog/entities";
import { ViewNameSchema } from "../../../../../workers/dcl/query/catalog";
import { QueryResultSchema } from "../../../../../workers/dcl/query/json-query";
import { ActionSchema } from "../../../../../workers/aoa/actions/types";
import { EntityWithLineageSchema } from "../../../../../workers/aoa/mcp/tools/get-entity";
import { createApiKey, bearer } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { auditRecords } from "../../../../helpers/audit";
import { callTool, mcpClient, tenantThroughPipeline, texts } from "../../../../helpers/mcp";

const t = await tenantThroughPipeline();
afterAll(() => vi.restoreAllMocks());
const client = await mcpClient(t.auth);

/** The same request straight to the REST API, as the caller: what the tool must have answered. */
const rest = async (path: string, body?: unknown) => (await call(path, { headers: t.auth, body })).json();

const deal = async (sourceId: string) => {
  const { structuredContent } = await callTool(client, "query_view", {
    entity: "opportunities",
    select: ["id", "name"],
    filters: [{ field: "source_id", value: sourceId }],
  });
  const [[id, name]] = QueryResultSchema.parse(structuredContent).rows as [[string, string]];
  return { id, name };
};

describe("POST /api/v1/aoa/mcp: the session", () => {
  it("initializes as the autonomos server, with instructions naming the entities, their views and fields", () => {
    expect(client.getServerVersion()).toMatchObject({ name: "autonomos", version: pkg.version });
    const instructions = client.getInstructions()!;
    expect(instructions).toContain("- account (view `accounts`): source_id, name, industry,");
    expect(instructions).toContain("- opportunity (view `opportunities`):");
    expect(instructions).toContain("propose_action");
  });

  it("lists the five tools with input schemas an LLM can follow; run_agent is not among them", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["list_views", "query_view", "get_entity", "list_findings", "propose_action"]);
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
    const query = byName.query_view!.inputSchema as { properties: Record<string, { enum?: string[] }>; required: string[] };
    expect(query.required).toEqual(["entity"]);
    expect(query.properties.entity!.enum).toEqual(ViewNameSchema.options);
    expect(Object.keys(query.properties)).toEqual(["entity", "select", "filters", "group_by", "aggregates", "order_by", "include_deleted", "limit"]);
    expect(byName.get_entity!.inputSchema).toMatchObject({ required: ["entity", "id"] });
    expect(byName.list_findings!.inputSchema.properties).toHaveProperty("severity");
    expect(byName.propose_action!.inputSchema).toMatchObject({ required: ["action"], properties: { dry_run: { type: "boolean", default: false } } });
    expect(JSON.stringify(byName.propose_action!.inputSchema.properties!.action)).toContain("opportunity.write_score");
    for (const tool of tools) expect(tool.description!.length, tool.name).toBeGreaterThan(100);
    expect(byName.query_view!.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.propose_action!.annotations).toMatchObject({ readOnlyHint: false });
  });
});

describe("POST /api/v1/aoa/mcp: reading the unified data", () => {
  it("list_views answers what GET /api/v1/dcl/catalog/entities answers, as structured content and as text", async () => {
    const result = await callTool(client, "list_views");
    expect(result.isError).toBeUndefined();
    const expected = CatalogEntityListSchema.parse(await rest("/api/v1/dcl/catalog/entities"));
    expect(result.structuredContent).toEqual(expected);
    expect(texts(result).map((text) => JSON.parse(text))).toEqual([expected]);
    expect(expected.items.find((e) => e.entity === "account")!.rows.live).toBeGreaterThan(0);
  });

  it("query_view runs the JSON query over the pipeline's rows, exactly as POST /api/v1/dcl/query does", async () => {
    const query = {
      entity: "accounts",
      select: ["source_id", "name"],
      filters: [{ field: "source_id", op: "in", value: ["K-1001", "K-1002"] }],
      order_by: [{ field: "source_id" }],
    };
    const result = await callTool(client, "query_view", query);
    expect(result.structuredContent).toEqual({
      columns: [
        { name: "source_id", type: "text" },
        { name: "name", type: "text" },
      ],
      rows: [
        ["K-1001", "Müller Maschinenbau GmbH"],
        ["K-1002", "Alpenblick Hotels AG"],
      ],
      truncated: false,
    });
    expect(result.structuredContent).toEqual(await rest("/api/v1/dcl/query", query));
  });

  it("query_view aggregates: the legacy deals by stage", async () => {
    const result = await callTool(client, "query_view", {
      entity: "opportunities",
      group_by: ["stage"],
      aggregates: [{ fn: "count", as: "deals" }],
      filters: [{ field: "source_id", op: "in", value: ["D-501", "D-502"] }],
    });
    const { rows } = QueryResultSchema.parse(result.structuredContent);
    expect(rows.map(([, n]) => n)).toEqual([1, 1]);
  });

  it("get_entity returns the view row with the source record and events it came from", async () => {
    const { id, name } = await deal("D-501");
    const result = await callTool(client, "get_entity", { entity: "opportunity", id });
    const { row, lineage } = EntityWithLineageSchema.parse(result.structuredContent);
    expect(row).toMatchObject({ id, name, source_id: "D-501", deleted: false });
    expect(lineage).toMatchObject({ entity: "opportunity", id, deleted: false });
    expect(lineage.sources).toEqual([{ system: "filesource", connection_id: t.connection.id, object: "deals.csv", record_id: "D-501" }]);
    expect(lineage.events.map((e) => [e.record_id, e.op])).toEqual([["D-501", "upsert"]]);
    expect(lineage).toEqual(await rest(`/api/v1/dcl/catalog/lineage/opportunity/${id}`));
  });
});

describe("POST /api/v1/aoa/mcp: proposing actions", () => {
  const alert = (key: string) => ({
    type: "alert.create",
    target: { entity: "opportunity", id: "opp_x" },
    params: { severity: "high", title: "Retrofit deal slipped", body: "Close date moved twice", recipient: "jonas.weber@example.com" },
    reason: "Close date slipped twice in a month",
    idempotency_key: key,
  });

  it("plans a dry run without storing anything", async () => {
    const result = await callTool(client, "propose_action", { action: alert("dry-1"), dry_run: true });
    expect(result.structuredContent).toMatchObject({ dry_run: true, plan: { kind: "alert", alert: { severity: "high", title: "Retrofit deal slipped" } } });
    expect(await rest("/api/v1/aoa/actions")).toMatchObject({ items: [] });
  });

  it("proposes as the caller; the tenant's policy (auto for alerts) runs it; the same key returns the same action", async () => {
    const first = await callTool(client, "propose_action", { action: alert("mcp-alert-1") });
    expect(first.isError).toBeUndefined();
    const action = ActionSchema.parse(first.structuredContent);
    expect(action).toMatchObject({ type: "alert.create", status: "succeeded", policy: "auto", actor: { type: "user", id: t.userId }, result: { kind: "alert" } });
    const again = ActionSchema.parse((await callTool(client, "propose_action", { action: alert("mcp-alert-1") })).structuredContent);
    expect(again.id).toBe(action.id);
    expect(ActionSchema.parse(await rest(`/api/v1/aoa/actions/${action.id}`)).id).toBe(action.id);
  });
});

describe("POST /api/v1/aoa/mcp on a deployed Worker", () => {
  it("serves a tool call without generating code at run time (deployed Workers forbid eval; this pool allows it)", async () => {
    const original = globalThis.Function;
    const forbid = () => {
      throw new EvalError("Code generation from strings disallowed for this context");
    };
    globalThis.Function = new Proxy(original, { construct: forbid, apply: forbid });
    try {
      const fresh = await mcpClient(t.auth);
      await fresh.listTools();
      const { id } = await deal("D-502");
      const result = await callTool(fresh, "get_entity", { entity: "opportunity", id });
      expect(result.isError).toBeUndefined();
      expect(EntityWithLineageSchema.parse(result.structuredContent).row).toMatchObject({ source_id: "D-502" });
    } finally {
      globalThis.Function = original;
    }
  });
});

describe("POST /api/v1/aoa/mcp: one place for auth, scopes and audit", () => {
  it("makes each tool call as the caller: the REST call is audited under the caller's key, in the MCP request's trace", async () => {
    const key = await createApiKey(t.accessToken, ["dcl:read"], "outside agent");
    const asKey = await mcpClient(bearer(key.key));
    const before = new Set((await auditRecords(t.tenantId)).map((r) => r.seq));
    await callTool(asKey, "query_view", { entity: "accounts", limit: 1 });
    const fresh = (await auditRecords(t.tenantId)).filter((r) => !before.has(r.seq));
    const mcp = fresh.find((r) => r.route === "/api/v1/aoa/mcp")!;
    const query = fresh.find((r) => r.route === "/api/v1/dcl/query")!;
    expect(query).toMatchObject({ actor_type: "api_key", actor_id: key.id, status: 200 });
    expect(mcp).toMatchObject({ actor_type: "api_key", actor_id: key.id, status: 200 });
    expect(query.trace_id).toBe(mcp.trace_id);
  });
});
