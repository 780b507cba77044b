import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { mappingVersionAt } from "../../../../workers/aam/mapping/overrides-history";
import { applyRepair, proposeRepair, rejectRepair, rollbackRepair } from "../../../../workers/aam/repair/apply";
import { getRepair, type NewRepair } from "../../../../workers/aam/repair/store";
import { tenantScope } from "../../../helpers/normalize";
import { change } from "../helpers";

const { scope } = await tenantScope();
const repairOf = (changes: NewRepair["changes"]): NewRepair => ({ kind: "drift", system: "salesforce", object: "Account", entity: "account", baseVersion: null, changes });

describe("repair decisions refuse", () => {
  it("to apply, reject or roll back a repair in the wrong status", async () => {
    const { repairs } = await proposeRepair(env, scope, repairOf([change({ target: "phone", action: "map", from: "Phone__c", confidence: 0.5, auto: false })]));
    const pending = repairs[0]!;
    await expect(rollbackRepair(scope, pending, "usr_x")).rejects.toMatchObject({ kind: "conflict", detail: expect.stringContaining("only applied repairs can be rolled back") });
    const rejected = await rejectRepair(env, scope, pending, "usr_x");
    await expect(applyRepair(env, scope, rejected, "usr_x")).rejects.toMatchObject({ kind: "conflict" });
    await expect(rejectRepair(env, scope, rejected, "usr_x")).rejects.toMatchObject({ kind: "conflict" });
  });

  it("a stale copy of a repair another decision already moved on", async () => {
    const { repairs } = await proposeRepair(env, scope, repairOf([change({ target: "phone", action: "map", from: "Phone__c", confidence: 0.5, auto: false })]));
    await applyRepair(env, scope, repairs[0]!, "usr_first");
    await expect(rejectRepair(env, scope, repairs[0]!, "usr_second")).rejects.toMatchObject({ kind: "conflict", detail: expect.stringContaining("another request") });
    expect(await getRepair(scope, repairs[0]!.id)).toMatchObject({ status: "applied", decidedBy: "usr_first" });
  });

  it("to apply a required target left without a source; the repair stays pending and the mapping unchanged", async () => {
    const before = await mappingVersionAt(scope, "salesforce", "Account", "current");
    const { repairs } = await proposeRepair(env, scope, repairOf([change({ target: "name", action: "map", from: null, previous_from: "Name", confidence: 0, auto: false })]));
    await expect(applyRepair(env, scope, repairs[0]!, "usr_x")).rejects.toMatchObject({ kind: "invalid-mapping" });
    expect(await getRepair(scope, repairs[0]!.id)).toMatchObject({ status: "pending" });
    expect(await mappingVersionAt(scope, "salesforce", "Account", "current")).toEqual(before);
  });

  it("to apply automatically what does not make a valid mapping: it waits for a person instead", async () => {
    const { repairs, replay } = await proposeRepair(env, scope, repairOf([change({ target: "annual_revenue", action: "retransform", transforms: ["no_such_transform"] })]));
    expect(replay).toBeNull();
    expect(repairs).toEqual([expect.objectContaining({ status: "pending" })]);
  });

  it("to roll back under later versions, which it would silently undo", async () => {
    const first = (await proposeRepair(env, scope, repairOf([change({ target: "website", action: "map", from: "Site__c" })]))).repairs[0]!;
    await proposeRepair(env, scope, repairOf([change({ target: "industry", action: "map", from: "Sector__c" })]));
    await expect(rollbackRepair(scope, first, "usr_x")).rejects.toMatchObject({ kind: "conflict", detail: expect.stringContaining("changed after") });
  });
});
