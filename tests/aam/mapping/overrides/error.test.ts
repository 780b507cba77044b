import { describe, expect, it } from "vitest";
import { ProblemError } from "../../../../workers/gateway/problem";
import { MappingFormatError } from "../../../../workers/aam/mapping/errors";
import { appendOverride, overrideHistory } from "../../../../workers/aam/mapping/overrides";
import { submitOverride } from "../../../../workers/aam/mapping/overrides-submit";
import { isUniqueViolation } from "../../../../workers/platform/db";
import { tenantMappings } from "../../../../workers/aam/pipeline/tenant-mappings";
import { accountsOverride } from "../../../helpers/mappings";
import { newTenant } from "../../../helpers/pipeline";

type Scope = Awaited<ReturnType<typeof newTenant>>;
const submit = (scope: Scope, source: string, object = "accounts") =>
  submitOverride(scope, { system: "filesource", object, source, author: "usr_tester" });
const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err);

describe("tenant mapping overrides: refusals", () => {
  it("refuse a version that is not above the one in effect, the system default's included", async () => {
    const scope = await newTenant();
    const atDefault = await rejection(submit(scope, accountsOverride(1)));
    expect(atDefault).toBeInstanceOf(ProblemError);
    expect(atDefault).toMatchObject({ kind: "conflict", detail: expect.stringContaining("the system default (version 1)") });
    await submit(scope, accountsOverride(3));
    for (const version of [2, 3]) {
      expect(await rejection(submit(scope, accountsOverride(version)))).toMatchObject({ kind: "conflict", detail: expect.stringContaining("tenant version 3") });
    }
    expect((await overrideHistory(scope, "filesource", "accounts")).map((r) => r.version)).toEqual([3]);
  });

  it("let only one of two editors who save the same next version win", async () => {
    const scope = await newTenant();
    const results = await Promise.allSettled([submit(scope, accountsOverride(2)), submit(scope, accountsOverride(2, "[trim, lower]"))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [lost] = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(lost).toMatchObject({ kind: "conflict" });
    expect(await overrideHistory(scope, "filesource", "accounts")).toHaveLength(1);
  });

  it("keep versions append-only: the same version twice is a unique violation in D1", async () => {
    const scope = await newTenant();
    const row = await submit(scope, accountsOverride(2));
    const { tenantId: _, createdAt: __, ...values } = row;
    const err = await rejection(appendOverride(scope, { ...values, comment: "again" }));
    expect(isUniqueViolation(err, "mapping_versions.tenant_id, mapping_versions.system, mapping_versions.object, mapping_versions.version")).toBe(true);
  });

  it("refuse a document that does not load, with each problem's line", async () => {
    const scope = await newTenant();
    const source = accountsOverride(2).replace("[trim, upper]", "[trim, shout]");
    const err = await rejection(submit(scope, source));
    expect(err).toMatchObject({ kind: "invalid-mapping" });
    expect((err as ProblemError).extras.errors).toEqual([
      expect.objectContaining({ file: "body.source", line: 8, path: "fields.name.transforms[1]", code: "invalid_mapping", message: expect.stringContaining('unknown transform "shout"') }),
    ]);
  });

  it("refuse a document for another object than the one it is saved as, pointing at the line", async () => {
    const scope = await newTenant();
    const err = await rejection(submit(scope, accountsOverride(2), "contacts"));
    expect(err).toMatchObject({ kind: "invalid-mapping", detail: expect.stringContaining("maps filesource/accounts") });
    expect((err as ProblemError).extras.errors).toEqual([{ file: "body.source", line: 3, column: 9, path: "object", message: "must be contacts, as in the URL", code: "invalid_mapping" }]);
    expect(await overrideHistory(scope, "filesource", "contacts")).toEqual([]);
  });

  it("fail the tenant's mappings loudly when a stored version no longer loads, naming it", async () => {
    const scope = await newTenant();
    const row = await submit(scope, accountsOverride(2));
    const { tenantId: _, createdAt: __, ...values } = row;
    // e.g. a document written for an older format: stored as it was, rejected by today's loader
    await appendOverride(scope, { ...values, version: 3, source: accountsOverride(3).replace("Country", "Country\n  shoe_size: Size"), contentHash: "stale-format" });
    const err = await rejection(tenantMappings(scope));
    expect(err).toBeInstanceOf(MappingFormatError);
    expect((err as MappingFormatError).message).toContain("tenant override filesource/accounts v3:13:");
    // a failed compilation is not cached: it is attempted (and reported) again
    expect(await rejection(tenantMappings(scope))).toBeInstanceOf(MappingFormatError);
  });
});
