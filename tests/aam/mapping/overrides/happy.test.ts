import { describe, expect, it } from "vitest";
import { mappingDiff } from "../../../../workers/aam/mapping/overrides-diff";
import { entryVersion, mappingHistory, mappingVersionAt } from "../../../../workers/aam/mapping/overrides-history";
import { latestOverrides } from "../../../../workers/aam/mapping/overrides";
import { submitOverride } from "../../../../workers/aam/mapping/overrides-submit";
import { systemMappings } from "../../../../workers/aam/mapping/registry";
import { effectiveMappings, tenantMappings } from "../../../../workers/aam/pipeline/tenant-mappings";
import { accountsOverride } from "../../../helpers/mappings";
import { normalizedRun, streamRows, tenantScope } from "../../../helpers/normalize";
import { newTenant } from "../../../helpers/pipeline";

const submit = (scope: Awaited<ReturnType<typeof newTenant>>, source: string, comment?: string) =>
  submitOverride(scope, { system: "filesource", object: "accounts", source, comment, author: "usr_tester" });

describe("tenant mapping overrides", () => {
  it("replace the system default with the latest version, leaving every other mapping as it is", async () => {
    const scope = await newTenant();
    await submit(scope, accountsOverride(2));
    const v3 = await submit(scope, accountsOverride(3, "[trim, lower]"), "lower-case instead");
    const registry = await tenantMappings(scope);
    const accounts = registry.get("filesource", "accounts")!;
    expect(accounts.version).toBe(3);
    expect(accounts.mapping_version).toBe(v3.mappingVersion);
    expect(accounts.mapping_version).toMatch(/^filesource\/accounts@3#[0-9a-f]{12}$/);
    expect(accounts.map({ "Account No": "A-1", "Company Name": " Acme " })).toMatchObject({ ok: true, data: { name: "acme" } });
    expect(registry.get("salesforce", "Account")).toBe((await systemMappings()).get("salesforce", "Account"));
    expect((await latestOverrides(scope)).map((row) => row.version)).toEqual([3]);
  });

  it("say which mappings are overrides, with the row behind each", async () => {
    const scope = await newTenant();
    const row = await submit(scope, accountsOverride(2));
    const { entries } = await effectiveMappings(scope);
    const tenant = entries.filter((e) => e.override !== undefined);
    expect(tenant.map((e) => [e.mapping.system, e.mapping.object, e.override?.version])).toEqual([["filesource", "accounts", 2]]);
    expect(tenant[0]?.mapping.source.text).toBe(row.source);
    expect(entries.length).toBe((await systemMappings()).all().length);
  });

  it("may map an object the system defaults do not", async () => {
    const scope = await newTenant();
    const leads = accountsOverride(1).replace("object: accounts", "object: leads");
    await submitOverride(scope, { system: "filesource", object: "leads", source: leads, author: "usr_tester" });
    const registry = await tenantMappings(scope);
    expect(registry.get("filesource", "leads")?.mapping_version).toMatch(/^filesource\/leads@1#/);
    expect(registry.all().length).toBe((await systemMappings()).all().length + 1);
  });

  it("are what the RAW_QUEUE consumer maps the tenant's records with", async () => {
    const { scope } = await tenantScope();
    const row = await submit(scope, accountsOverride(2));
    const { runId } = await normalizedRun(scope);
    const events = (await streamRows(runId)).map((r) => JSON.parse(r.event) as { meta: { mapping_version: string }; data: Record<string, unknown> });
    expect(events.map((e) => e.data.name)).toEqual(["ACME A-1", "ACME A-2"]);
    expect(events.map((e) => e.data.billing_country)).toEqual(["DE", "DE"]);
    expect(new Set(events.map((e) => e.meta.mapping_version))).toEqual(new Set([row.mappingVersion]));
  });

  it("compile once per content: the next call, and another tenant with the same document, reuse the compiled mapping", async () => {
    const [a, b] = [await newTenant(), await newTenant()];
    await submit(a, accountsOverride(2));
    await submit(b, `# written differently\n${accountsOverride(2)}`);
    const first = (await tenantMappings(a)).get("filesource", "accounts")!;
    const again = (await tenantMappings(a)).get("filesource", "accounts")!;
    const other = (await tenantMappings(b)).get("filesource", "accounts")!;
    expect(again.map).toBe(first.map);
    expect(other.map).toBe(first.map);
    expect(other.content_hash).toBe(first.content_hash);
    // the text stays each tenant's own
    expect(other.source.text).toMatch(/^# written differently/);
    expect(first.source.text).not.toMatch(/written differently/);
  });

  it("keep a history, newest first, with the system default last", async () => {
    const scope = await newTenant();
    await submit(scope, accountsOverride(2), "first");
    await submit(scope, accountsOverride(5), "skips ahead");
    await submit(scope, accountsOverride(6));
    const history = await mappingHistory(scope, "filesource", "accounts");
    expect(history.map((e) => [e.origin, entryVersion(e)])).toEqual([["tenant", 6], ["tenant", 5], ["tenant", 2], ["system", 1]]);
    expect(history[1]?.origin === "tenant" && history[1].row.comment).toBe("skips ahead");
    expect(entryVersion((await mappingVersionAt(scope, "filesource", "accounts", "current"))!)).toBe(6);
    expect((await mappingVersionAt(scope, "filesource", "accounts", "system"))?.origin).toBe("system");
    expect(await mappingVersionAt(scope, "filesource", "accounts", 3)).toBeUndefined();
  });
});

describe("mapping diffs", () => {
  const before = "system: filesource\nobject: x\nentity: account\nversion: 1\nfields:\n  name: Name\n  phone: Tel\n  website: Web\n";
  const after = "system: filesource\nobject: x\nentity: account\nversion: 2\nfields:\n  name: { from: Name }\n  phone: { from: Phone }\n  owner: Rep\n";

  it("list the canonical fields added, removed and mapped differently, comparing specs by content", () => {
    const { fields } = mappingDiff({ label: "a", text: before }, { label: "b", text: after });
    expect(fields).toEqual({
      added: [{ field: "owner", spec: { from: "Rep" } }],
      removed: [{ field: "website", spec: { from: "Web" } }],
      changed: [{ field: "phone", before: { from: "Tel" }, after: { from: "Phone" } }],
    });
  });

  it("include a unified diff of the texts under the given names", () => {
    const { patch } = mappingDiff({ label: "x@1 (system)", text: before }, { label: "x@2 (tenant)", text: after });
    const lines = patch.split("\n");
    expect(lines).toContain("--- x@1 (system)");
    expect(lines).toContain("+++ x@2 (tenant)");
    expect(lines).toContain("-version: 1");
    expect(lines).toContain("+version: 2");
    expect(lines).toContain("-  website: Web");
    expect(lines).toContain("+  owner: Rep");
    expect(lines).toContain(" entity: account");
  });

  it("see nothing changed when only comments and layout differ", () => {
    const { fields, patch } = mappingDiff({ label: "a", text: before }, { label: "b", text: `# note\n${before}` });
    expect(fields).toEqual({ added: [], removed: [], changed: [] });
    expect(patch).toContain("+# note");
  });
});
