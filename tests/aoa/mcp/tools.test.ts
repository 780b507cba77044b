/** The tools' mapping onto REST calls, with a recording REST client behind a real MCP client and server in memory. */
import { describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { createMcpServer } from "../../../workers/aoa/mcp/server";
import type { RestReply, RestRequest } from "../../../workers/aoa/mcp/rest";

async function connected(reply: (request: RestRequest) => RestReply) {
  const calls: RestRequest[] = [];
  const server = createMcpServer(async (request) => {
    calls.push(request);
    return reply(request);
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "unit", version: "1" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  await client.connect(clientSide);
  const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { calls, call };
}

const ok = (body: Record<string, unknown>): RestReply => ({ ok: true, status: 200, body });

describe("list_findings", () => {
  it("asks GET /api/v1/aoa/findings with exactly the filters given", async () => {
    const { calls, call } = await connected(() => ok({ items: [{ id: "fnd_1" }], next_cursor: null }));
    const result = await call("list_findings", { agent: "revops", severity: "high", status: "open", kind: "deal_risk", run_id: "run_1" });
    await call("list_findings");
    expect(calls).toEqual([
      { method: "GET", path: "/api/v1/aoa/findings?agent=revops&kind=deal_risk&severity=high&status=open&run_id=run_1" },
      { method: "GET", path: "/api/v1/aoa/findings" },
    ]);
    expect(result.structuredContent).toEqual({ items: [{ id: "fnd_1" }], next_cursor: null });
  });

  it("rejects a severity the findings do not have, without a REST call", async () => {
    const { calls, call } = await connected(() => ok({}));
    expect((await call("list_findings", { severity: "critical" })).isError).toBe(true);
    expect(calls).toEqual([]);
  });
});

describe("propose_action", () => {
  it("posts the action with dry_run and finding_id to POST /api/v1/aoa/actions", async () => {
    const { calls, call } = await connected(() => ok({ dry_run: true, plan: { kind: "alert" } }));
    const action = { type: "sub_account.tag", target: null, params: { provider_name: "AWS", sub_account_id: "123", tags: { owner: "data" } }, reason: "untagged spend", idempotency_key: "k" };
    await call("propose_action", { action, dry_run: true, finding_id: "fnd_1" });
    await call("propose_action", { action });
    expect(calls).toEqual([
      { method: "POST", path: "/api/v1/aoa/actions", body: { ...action, dry_run: true, finding_id: "fnd_1" } },
      { method: "POST", path: "/api/v1/aoa/actions", body: { ...action, dry_run: false, finding_id: null } },
    ]);
  });
});

describe("get_entity", () => {
  it("reads the lineage and the row (tombstones included) of the entity's view, escaping the id", async () => {
    const lineage = { entity: "contact", id: "c/1", deleted: true, last_seq: 3, sources: [], events: [] };
    const { calls, call } = await connected((request) => (request.path.includes("/lineage/") ? ok(lineage) : ok({ items: [{ id: "c/1" }], next_cursor: null })));
    const result = await call("get_entity", { entity: "contact", id: "c/1" });
    expect(calls.map((c) => c.path).sort()).toEqual([
      "/api/v1/dcl/catalog/lineage/contact/c%2F1",
      "/api/v1/dcl/views/contacts?filter%5Bid%5D=c%2F1&include_deleted=true&limit=1",
    ]);
    expect(result.structuredContent).toEqual({ row: { id: "c/1" }, lineage });
  });
});
