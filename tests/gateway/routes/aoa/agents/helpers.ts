/**
 * The agents plane through the real gateway: paths, a tenant whose deals went through the FileSource pipeline
 * (two uploads, so deals have a history), and a tenant whose findings a scripted pilot decided (for the tests
 * about reading and dismissing, which need findings but not the RevOps arithmetic).
 */
import { env } from "cloudflare:test";
import { expect } from "vitest";
import { runAgent } from "../../../../../workers/aoa/runs/runner";
import { deterministicNarrator } from "../../../../../workers/aoa/runs/narrative";
import { bearer } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call } from "../../../../helpers/http";
import { tenantScope } from "../../../../helpers/normalize";
import { captureQueues, queueDrainer } from "../../../../helpers/pipeline";
import { finding, result, scriptedPilot } from "../../../../aoa/runs/helpers";

export const AGENTS = "/api/v1/aoa/agents";
export const RUNS = "/api/v1/aoa/runs";
export const FINDINGS = "/api/v1/aoa/findings";

export const runPath = (agent: string) => `${AGENTS}/${agent}/run`;
export const dismissPath = (id: string) => `${FINDINGS}/${id}/dismiss`;

const ACCOUNTS = [
  "Account No;Company Name;Sector;Annual Revenue (EUR);Employees;Web;Tel;City;Country;Account Manager;Notes;Created;Last Modified",
  "K-1;Acme GmbH;Software;1.000.000,00;10;www.acme.example;;Berlin;DE;Lea;;01/01/2024;01/01/2025 10:00",
].join("\n");

const DEALS_HEADER = "Deal ID;Deal Name;Account No;Stage;Value;Currency;Expected Close;Win Probability;Deal Type;Source;Owner;Notes;Created";
const deals = (...rows: string[]) => [DEALS_HEADER, ...rows].join("\n");
const CLOSED = [
  "W-1;Won one;K-1;Closed - Won;20.000,00;EUR;31/01/2026;100%;New;Web;Lea;;01/10/2025",
  "W-2;Won two;K-1;Closed - Won;30.000,00;EUR;28/02/2026;100%;New;Web;Lea;;01/10/2025",
  "L-1;Lost one;K-1;Closed - Lost;25.000,00;EUR;31/03/2026;0%;New;Web;Lea;;01/10/2025",
];

/** The open deals' names: each gets a score finding. */
export const OPEN_DEALS = ["Big deal", "Small deal"];

/** A signed-up tenant whose accounts and deals went through the pipeline; D-1's close date slipped between the uploads. */
export async function tenantWithPipeline() {
  const tenant = await tenantScope();
  const queues = captureQueues();
  const drain = queueDrainer(queues);
  try {
    const connection = await createConnection(tenant.accessToken);
    const upload = async (name: string, text: string) => {
      const res = await call(`${CONNECTIONS}/${connection.id}/files?name=${name}`, {
        body: new TextEncoder().encode(text),
        headers: { ...bearer(tenant.accessToken), "content-type": "text/csv" },
      });
      expect(res.status, await res.clone().text()).toBe(202);
      await drain();
    };
    await upload("accounts.csv", ACCOUNTS);
    await upload("deals.csv", deals(...CLOSED, "D-1;Big deal;K-1;Qualification;100.000,00;EUR;31/07/2026;20%;New;Web;Lea;;01/03/2026", "D-2;Small deal;K-1;Proposal;5.000,00;EUR;30/06/2026;50%;New;Web;Lea;;01/03/2026"));
    await upload("deals.csv", deals(...CLOSED, "D-1;Big deal;K-1;Proposal;100.000,00;EUR;30/09/2026;40%;New;Web;Lea;;01/03/2026", "D-2;Small deal;K-1;Proposal;5.000,00;EUR;30/06/2026;50%;New;Web;Lea;;01/03/2026"));
  } finally {
    for (const spy of [queues.sync, queues.raw, queues.rawSendBatch, queues.canonical]) spy.mockRestore();
  }
  return tenant;
}

/** A tenant with a finished revops run whose findings a scripted pilot decided: two high deal risks and a low one. */
export async function tenantWithFindings() {
  const tenant = await tenantScope();
  const { pilot } = scriptedPilot([result([finding("a", "high"), finding("b", "high"), { ...finding("c", "low"), kind: "deal_score" }])]);
  const run = await runAgent(env, tenant.scope, pilot, { trigger: "manual", actor: "usr_test", now: new Date(), traceId: "4bf92f3577b34da6a3ce929d0e0e4736", narrator: deterministicNarrator });
  return { ...tenant, run };
}
