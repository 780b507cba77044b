import { afterAll, describe, expect, it, vi } from "vitest";
import { accountEvent, append, materialize, opportunityEvent, viewRows } from "../../helpers/dcl";
import { deliver, newTenant } from "../../helpers/pipeline";

afterAll(() => vi.restoreAllMocks());

describe("tenant isolation in the materializer", () => {
  it("never lets tenant B's events touch tenant A's rows, even with identical record keys and domains", async () => {
    const [a, b] = [await newTenant(), await newTenant()];
    const same = (t: string, name: string) => [
      accountEvent(t, "A-1", { name, website: "shared.example" }),
      accountEvent(t, "A-2", { name: `${name} Two`, website: "shared.example" }, { connection_id: "con_b" }),
      opportunityEvent(t, "D-1", { account_id: "A-1", name: `${name} deal` }),
    ];
    await materialize(a.tenantId, await append(a, same(a.tenantId, "Alpha")));
    const before = { accounts: await viewRows("materialized_accounts", a.tenantId), opps: await viewRows("materialized_opportunities", a.tenantId) };
    await materialize(b.tenantId, await append(b, same(b.tenantId, "Beta")));

    expect(await viewRows("materialized_accounts", a.tenantId)).toEqual(before.accounts);
    expect(await viewRows("materialized_opportunities", a.tenantId)).toEqual(before.opps);
    const [accountB] = await viewRows("materialized_accounts", b.tenantId);
    expect(accountB?.sources.map((s) => s.record_id).sort()).toEqual(["A-1", "A-2"]);
    expect(accountB).toMatchObject({ name: expect.stringMatching(/^Beta/) });
    expect(await viewRows("materialized_opportunities", b.tenantId)).toMatchObject([{ name: "Beta deal", account_id: accountB?.id }]);
  });

  it("refuses a batch naming another tenant's seqs: nothing is written and the message is retried toward the DLQ", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    const [victim, attacker] = [await newTenant(), await newTenant()];
    const seqs = await append(victim, [accountEvent(victim.tenantId, "A-9", { name: "Victim Corp" })]);
    const { result } = await deliver("autonomos-canonical", [{ tenant_id: attacker.tenantId, trace_id: "t", seqs }]);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toHaveLength(1);
    expect(await viewRows("materialized_accounts", attacker.tenantId)).toEqual([]);
    expect(await viewRows("materialized_accounts", victim.tenantId)).toEqual([]);
    expect(errors.join("\n")).toContain("not in the tenant's stream");
  });
});
