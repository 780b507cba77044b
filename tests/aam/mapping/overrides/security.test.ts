import { describe, expect, it } from "vitest";
import { latestOverrides, overrideHistory, overrideVersion } from "../../../../workers/aam/mapping/overrides";
import { submitOverride } from "../../../../workers/aam/mapping/overrides-submit";
import { systemMappings } from "../../../../workers/aam/mapping/registry";
import { tenantMappings } from "../../../../workers/aam/pipeline/tenant-mappings";
import { accountsOverride } from "../../../helpers/mappings";
import { normalizedRun, streamRows, tenantScope } from "../../../helpers/normalize";

describe("tenant mapping overrides: isolation", () => {
  it("never reach another tenant: its reads see none of them and its pipeline maps with the defaults", async () => {
    const alice = await tenantScope();
    const bob = await tenantScope();
    await submitOverride(alice.scope, { system: "filesource", object: "accounts", source: accountsOverride(2), author: "usr_alice" });

    expect(await latestOverrides(bob.scope)).toEqual([]);
    expect(await overrideHistory(bob.scope, "filesource", "accounts")).toEqual([]);
    expect(await overrideVersion(bob.scope, "filesource", "accounts", 2)).toBeUndefined();
    const defaults = await systemMappings();
    expect((await tenantMappings(bob.scope)).get("filesource", "accounts")).toBe(defaults.get("filesource", "accounts"));

    const names = async (runId: string) => (await streamRows(runId)).map((r) => (JSON.parse(r.event) as { data: { name: string } }).data.name);
    expect(await names((await normalizedRun(bob.scope)).runId)).toEqual(["Acme A-1", "Acme A-2"]);
    expect(await names((await normalizedRun(alice.scope)).runId)).toEqual(["ACME A-1", "ACME A-2"]);
  });

  it("let a tenant save a version number another tenant already uses", async () => {
    const alice = await tenantScope();
    const bob = await tenantScope();
    for (const { scope } of [alice, bob]) {
      await submitOverride(scope, { system: "filesource", object: "accounts", source: accountsOverride(2), author: "usr_x" });
    }
    expect((await overrideHistory(bob.scope, "filesource", "accounts")).map((r) => r.tenantId)).toEqual([bob.scope.tenantId]);
  });
});
