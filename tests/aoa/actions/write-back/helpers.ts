/**
 * Shared by the write-back tests: a tenant whose sources are synced through the public API and the real queue
 * consumers (as the connectors' sync tests do), its scope, and its opportunity view rows by source record id.
 */
import { env } from "cloudflare:test";
import { expect } from "vitest";
import { ViewPageSchema } from "../../../../workers/dcl/query/list-view";
import { database, forTenant } from "../../../../workers/platform/db";
import { RunSchema } from "../../../../workers/gateway/routes/aam/runs/schemas";
import { type SignedUp, bearer, signUp } from "../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../helpers/connections";
import { call } from "../../../helpers/http";
import { captureQueues, queueDrainer } from "../../../helpers/pipeline";
import { connectedAppKeys, createFakeOrg, fakeUrl } from "../../../aam/connectors/salesforce/helpers";

export { env };

export interface Tenant {
  owner: SignedUp;
  scope: ReturnType<typeof forTenant>;
  sync(connectionId: string): Promise<void>;
  /** the tenant's opportunity view rows of `connectionId`, by source record id */
  opportunities(connectionId: string): Promise<Map<string, Record<string, unknown>>>;
}

/** A fresh tenant; call once per file (it spies on the queue producers). */
export async function tenant(): Promise<Tenant> {
  const owner = await signUp();
  const drain = queueDrainer(captureQueues());
  const getJson = async (path: string) => {
    const res = await call(path, { headers: bearer(owner.accessToken) });
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json();
  };
  return {
    owner,
    scope: forTenant(database(env.DB), owner.tenantId),
    async sync(connectionId) {
      const res = await call(`${CONNECTIONS}/${connectionId}/sync`, { method: "POST", headers: bearer(owner.accessToken) });
      expect(res.status, await res.clone().text()).toBe(202);
      const { run_ids } = (await res.json()) as { run_ids: string[] };
      await drain();
      for (const id of run_ids) expect(RunSchema.parse(await getJson(`/api/v1/aam/runs/${id}`))).toMatchObject({ status: "succeeded", counts: { quarantined: 0 } });
    },
    async opportunities(connectionId) {
      const { items } = ViewPageSchema.parse(await getJson("/api/v1/dcl/views/opportunities?limit=500"));
      const mine = items.filter((row) => (row.sources as { connection_id: string }[]).some((s) => s.connection_id === connectionId));
      return new Map(mine.map((row) => [String(row.source_id), row]));
    },
  };
}

export const OPPORTUNITY = "006000000000000WBA";

/** A Salesforce org (the fake) holding one open opportunity, and the tenant's connection to it. */
export async function salesforceSource(owner: SignedUp) {
  const org = await createFakeOrg({
    records: {
      Opportunity: [
        { Id: OPPORTUNITY, Name: "Expansion", StageName: "Proposal", Amount: 42_000, CloseDate: "2026-06-30", Probability: 40, IsClosed: false, IsWon: false },
      ],
    },
  });
  const { privatePem } = await connectedAppKeys();
  const connection = await createConnection(owner.accessToken, {
    system: "salesforce",
    name: `Salesforce ${crypto.randomUUID()}`,
    config: { login_url: fakeUrl(), grant: "jwt_bearer", client_id: org.clientId, username: org.username, objects: ["Opportunity"] },
    secrets: { private_key: privatePem },
  });
  const record = async () => (await org.state()).records.Opportunity?.find((r) => r.Id === OPPORTUNITY);
  return { org, connectionId: connection.id, record };
}

