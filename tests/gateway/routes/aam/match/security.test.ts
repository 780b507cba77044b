import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { remember } from "../../../../../workers/aam/matching/memory-store";
import { database, forTenant } from "../../../../../workers/platform/db";
import { createApiKey, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { match, matchRaw, putThreshold, salesforceAccount } from "./helpers";

const alice = await signUp();
const bob = await signUp();

describe("POST /api/v1/aam/match, access and isolation", () => {
  it("needs a credential", async () => {
    await expectProblem(await call("/api/v1/aam/match", { body: salesforceAccount }), 401, "unauthorized");
  });

  it("needs the aam:read scope", async () => {
    const { key } = await createApiKey(alice.accessToken, ["dcl:read"]);
    await expectProblem(await matchRaw(key, salesforceAccount), 403, "forbidden");
    const { key: reader } = await createApiKey(alice.accessToken, ["aam:read"]);
    expect((await matchRaw(reader, salesforceAccount)).status).toBe(200);
  });

  it("never lets one tenant's memory or threshold change another tenant's matches", async () => {
    const request = { entity: "account" as const, system: "salesforce", fields: [{ name: "Kundensegment" }, ...salesforceAccount.fields] };
    const bobBefore = await match(bob.accessToken, request);
    await remember(forTenant(database(env.DB), alice.tenantId), [
      { system: "salesforce", entity: "account", field_name: "Kundensegment", field_label: null, target: "industry", verdict: "accepted" },
      { system: "salesforce", entity: "account", field_name: "Name", field_label: "Account Name", target: "name", verdict: "rejected" },
    ]);
    await putThreshold(alice.accessToken, 0.5);
    expect((await match(alice.accessToken, request)).matches[0]!.target).toBe("industry"); // alice's memory is in effect for alice
    expect(await match(bob.accessToken, request)).toEqual(bobBefore);
  });
});
