/**
 * Shared by the self-healing scenarios: a signed-up tenant with its queues captured, one connection, a manual sync
 * drained to the end, and the API reads each scenario checks (drift events, repairs, quarantine, views, runs).
 */
import { z } from "@hono/zod-openapi";
import { expect } from "vitest";
import { DriftEventSchema } from "../../../workers/gateway/routes/aam/drift/schemas";
import { QuarantinedRecordSchema } from "../../../workers/gateway/routes/aam/quarantine/schemas";
import { RepairSchema } from "../../../workers/gateway/routes/aam/repairs/schemas";
import { RunSchema } from "../../../workers/gateway/routes/aam/runs/schemas";
import { ViewPageSchema } from "../../../workers/dcl/query/list-view";
import { type SignedUp, bearer, signUp } from "../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../helpers/connections";
import { call } from "../../helpers/http";
import { captureQueues, queueDrainer } from "../../helpers/pipeline";

export interface Tenant {
  owner: SignedUp;
  drain: () => Promise<void>;
  getJson: (path: string) => Promise<any>;
  postJson: (path: string, body?: unknown) => Promise<any>;
}

export async function tenant(): Promise<Tenant> {
  const owner = await signUp();
  const drain = queueDrainer(captureQueues());
  const getJson = async (path: string) => {
    const res = await call(path, { headers: bearer(owner.accessToken) });
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json();
  };
  const postJson = async (path: string, body?: unknown) => {
    const res = await call(path, { method: "POST", headers: bearer(owner.accessToken), ...(body === undefined ? {} : { body }) });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return res.json();
  };
  return { owner, drain, getJson, postJson };
}

export async function connect(t: Tenant, body: Record<string, unknown>): Promise<string> {
  return (await createConnection(t.owner.accessToken, body)).id;
}

/** A manual sync to the end; per object: [object, status, read, quarantined]. */
export async function sync(t: Tenant, connectionId: string) {
  const { run_ids } = (await t.postJson(`${CONNECTIONS}/${connectionId}/sync`)) as { run_ids: string[] };
  await t.drain();
  const runs = await Promise.all(run_ids.map(async (id) => RunSchema.parse(await t.getJson(`/api/v1/aam/runs/${id}`))));
  return runs.map((run): [string | null, string, number, number] => [run.object, run.status, run.counts.read, run.counts.quarantined]).sort();
}

export async function viewRows(t: Tenant, view: string, connectionId: string) {
  const { items } = ViewPageSchema.parse(await t.getJson(`/api/v1/dcl/views/${view}?limit=500`));
  const fromConnection = items.filter((row) => (row.sources as { connection_id: string }[]).some((s) => s.connection_id === connectionId));
  return new Map(fromConnection.map((row) => [String(row.source_id), row]));
}

const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

export const driftEvents = async (t: Tenant, connectionId: string) =>
  items(DriftEventSchema).parse(await t.getJson(`/api/v1/aam/drift?connection_id=${connectionId}`)).items;
export const repairs = async (t: Tenant, query = "") => items(RepairSchema).parse(await t.getJson(`/api/v1/aam/repairs${query}`)).items;
export const quarantined = async (t: Tenant, connectionId: string, status: "open" | "replayed") =>
  items(QuarantinedRecordSchema).parse(await t.getJson(`/api/v1/aam/quarantine?connection_id=${connectionId}&status=${status}&limit=200`)).items;
export const authorized = (t: Tenant) => bearer(t.owner.accessToken);
