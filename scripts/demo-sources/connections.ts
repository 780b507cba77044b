/**
 * The demo tenant's connections to the three sources: created once, found by name afterwards, and pointed at this
 * run's sources (config and secrets replaced whole: the Salesforce key is new every run). Then a sync of each,
 * waited for.
 */
import type { DemoApi } from "./api";
import { MONGODB_DATABASE } from "./start-mongodb";
import type { DemoMongoDb } from "./start-mongodb";
import { SALESFORCE_CLIENT_ID, SALESFORCE_USERNAME, type DemoSalesforce } from "./start-salesforce";
import type { DemoSupabase } from "./start-supabase";

export interface ConnectionSpec {
  system: "salesforce" | "supabase" | "mongodb";
  name: string;
  config: Record<string, unknown>;
  secrets: Record<string, string>;
}

export function connectionSpecs(sources: { salesforce: DemoSalesforce; supabase: DemoSupabase; mongodb: DemoMongoDb }): ConnectionSpec[] {
  return [
    {
      system: "salesforce",
      name: "Salesforce (demo org)",
      config: { login_url: sources.salesforce.loginUrl, grant: "jwt_bearer", client_id: SALESFORCE_CLIENT_ID, username: SALESFORCE_USERNAME, objects: ["Account", "Contact", "Opportunity"] },
      secrets: { private_key: sources.salesforce.privateKey },
    },
    {
      system: "supabase",
      name: "Supabase (demo project)",
      config: { url: sources.supabase.url, tables: ["companies", "deals", "people"] },
      secrets: { api_key: sources.supabase.apiKey },
    },
    {
      system: "mongodb",
      name: "MongoDB (demo app)",
      config: { database: MONGODB_DATABASE, collections: ["accounts", "opportunities", "contacts"], cursor_field: "updatedAt" },
      secrets: { connection_string: sources.mongodb.connectionString },
    },
  ];
}

/** The connection named `spec.name`, created or updated to the spec. */
export async function ensureConnection(api: DemoApi, spec: ConnectionSpec): Promise<{ id: string }> {
  const list = await api.expect(200, "GET", "/api/v1/aam/connections?limit=100");
  const existing = (list.items as { id: string; name: string; system: string }[]).find((c) => c.name === spec.name && c.system === spec.system);
  if (existing === undefined) return api.expect(201, "POST", "/api/v1/aam/connections", spec);
  return api.expect(200, "PATCH", `/api/v1/aam/connections/${existing.id}`, { config: spec.config, secrets: spec.secrets });
}

export type SyncedRun = { object: string; status: string; counts: Record<string, number>; error: string | null };

/** Starts a sync and waits until its runs finish (or `timeoutMs` passes). */
export async function syncAndWait(api: DemoApi, connectionId: string, timeoutMs = 180_000): Promise<SyncedRun[]> {
  const started = await api.call("POST", `/api/v1/aam/connections/${connectionId}/sync`);
  if (started.status !== 202) throw new Error(`sync of ${connectionId}: ${started.status} ${JSON.stringify(started.json)}`);
  const runIds = started.json.run_ids as string[];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const runs = await Promise.all(runIds.map((id) => api.expect(200, "GET", `/api/v1/aam/runs/${id}`)));
    const finished = runs.every((run) => run.status === "succeeded" || run.status === "failed");
    if (finished || Date.now() > deadline) return runs;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
