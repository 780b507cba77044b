import { env } from "cloudflare:test";
import { afterAll, describe, expect, it, vi } from "vitest";
import { loadRevOpsInput } from "../../../workers/aoa/revops/load";
import { runRevOps } from "../../../workers/aoa/revops/pilot";
import { bearer, signUp } from "../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../helpers/connections";
import { call } from "../../helpers/http";
import { captureQueues, queueDrainer } from "../../helpers/pipeline";
import { describeLoader } from "./load.contract";

describeLoader("D1", () => ({ env }));

const DEALS_HEADER = "Deal ID;Deal Name;Account No;Stage;Value;Currency;Expected Close;Win Probability;Deal Type;Source;Owner;Notes;Created";
const ACCOUNTS = [
  "Account No;Company Name;Sector;Annual Revenue (EUR);Employees;Web;Tel;City;Country;Account Manager;Notes;Created;Last Modified",
  "K-1;Acme GmbH;Software;1.000.000,00;10;www.acme.example;;Berlin;DE;Lea;;01/01/2024;01/01/2025 10:00",
].join("\n");

describe("loadRevOpsInput through the real pipeline", () => {
  afterAll(() => vi.restoreAllMocks());

  it("gives each uploaded deal the history of its stages and close dates, which the scorer reads as slips", async () => {
    const owner = await signUp();
    const drain = queueDrainer(captureQueues());
    const connection = await createConnection(owner.accessToken);
    const upload = async (name: string, text: string) => {
      const res = await call(`${CONNECTIONS}/${connection.id}/files?name=${name}`, {
        body: new TextEncoder().encode(text),
        headers: { ...bearer(owner.accessToken), "content-type": "text/csv" },
      });
      expect(res.status, await res.clone().text()).toBe(202);
      await drain();
    };
    const deals = (...rows: string[]) => [DEALS_HEADER, ...rows].join("\n");
    await upload("accounts.csv", ACCOUNTS);
    await upload("deals.csv", deals("D-1;Big deal;K-1;Qualification;100.000,00;EUR;31/07/2026;20%;New;Web;Lea;;01/03/2026", "D-2;Small deal;K-1;Proposal;5.000,00;EUR;30/06/2026;50%;New;Web;Lea;;01/03/2026"));
    await upload("deals.csv", deals("D-1;Big deal;K-1;Proposal;100.000,00;EUR;30/09/2026;40%;New;Web;Lea;;01/03/2026", "D-2;Small deal;K-1;Closed - Won;5.000,00;EUR;30/06/2026;100%;New;Web;Lea;;01/03/2026"));

    const input = await loadRevOpsInput(env, { tenantId: owner.tenantId });
    const bySource = new Map(input.opportunities.map((o) => [o.source_id, o]));
    const [account] = input.accounts;
    expect(bySource.get("D-1")).toMatchObject({ stage: "Proposal", close_date: "2026-09-30", status: "open", account_id: account!.id });
    const history = (id: string) => [...bySource.get(id)!.history].sort((a, b) => (a.at < b.at ? -1 : 1)).map((s) => [s.stage, s.close_date, s.status]);
    expect(history("D-1")).toEqual([
      ["Qualification", "2026-07-31", "open"],
      ["Proposal", "2026-09-30", "open"],
    ]);
    expect(history("D-2")).toEqual([
      ["Proposal", "2026-06-30", "open"],
      ["Closed - Won", "2026-06-30", "won"],
    ]);

    const { outputs } = runRevOps(input, new Date("2026-06-20T00:00:00.000Z"));
    expect(outputs.win_rates.overall).toMatchObject({ wins: 1, losses: 0 });
    expect(outputs.scores.map((s) => [s.deal_id, s.slips.count, s.slips.days])).toEqual([[bySource.get("D-1")!.id, 1, 61]]);
  });
});
