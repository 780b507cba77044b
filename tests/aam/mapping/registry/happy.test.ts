/// <reference types="vite/types/import-meta.d.ts" />
import { describe, expect, it } from "vitest";
import { bundledMappings } from "../../../../workers/aam/mapping/bundled";
import { createMappingRegistry, systemMappings } from "../../../../workers/aam/mapping/registry";

// Vite reads the mapping files at transform time: the list of what is on disk, independent of bundled.ts.
const onDisk = import.meta.glob("../../../../mappings/**/*.yaml", { query: "?raw", import: "default", eager: true });

describe("bundled mappings", () => {
  it("lists every file under mappings/, with the same text", () => {
    const files = Object.fromEntries(Object.entries(onDisk).map(([path, text]) => [path.replace(/^(\.\.\/)+/, ""), text]));
    expect(bundledMappings.map((m) => m.file).sort()).toEqual(Object.keys(files).sort());
    for (const m of bundledMappings) expect(m.text).toBe(files[m.file]);
  });

  it("all validate and compile, one per (system, object)", async () => {
    const registry = await systemMappings();
    expect(registry.all().map((m) => `${m.system}/${m.object}→${m.entity}`).sort()).toEqual([
      "filesource/accounts→account",
      "filesource/contacts→contact",
      "filesource/deals→opportunity",
      "filesource/focus-costs→cost",
      "filesource/hubspot-companies→account",
      "filesource/hubspot-contacts→contact",
      "filesource/hubspot-deals→opportunity",
      "mongodb/accounts→account",
      "mongodb/contacts→contact",
      "mongodb/opportunities→opportunity",
      "salesforce/Account→account",
      "salesforce/Contact→contact",
      "salesforce/Opportunity→opportunity",
      "supabase/companies→account",
      "supabase/deals→opportunity",
      "supabase/people→contact",
    ]);
    expect(registry.get("salesforce", "Account")?.mapping_version).toMatch(/^salesforce\/Account@1#[0-9a-f]{12}$/);
  });
});

describe("registry", () => {
  it("compiles the defaults once per isolate", async () => {
    expect(await systemMappings()).toBe(await systemMappings());
  });

  it("looks up by (system, object) and by entity", async () => {
    const registry = await systemMappings();
    expect(registry.get("salesforce", "Opportunity")?.entity).toBe("opportunity");
    expect(registry.get("salesforce", "Lead")).toBeUndefined();
    expect(registry.forEntity("filesource", "contact").map((m) => m.object)).toEqual(["contacts", "hubspot-contacts"]);
  });

  it("lets overrides take precedence without changing the base", async () => {
    const base = await systemMappings();
    const override = `system: salesforce
object: Account
entity: account
version: 2
record_id: Id
fields:
  name: { from: Name, transforms: [upper] }
  currency: { const: EUR }
`;
    const tenant = await base.withOverrides([{ file: "tenant override v2", text: override }]);
    const mapped = tenant.get("salesforce", "Account")!.map({ Id: "001", Name: "Acme" });
    expect(mapped).toMatchObject({ ok: true, data: { name: "ACME", currency: "EUR" } });
    expect(tenant.get("salesforce", "Account")!.mapping_version).toMatch(/^salesforce\/Account@2#/);
    expect(tenant.get("salesforce", "Contact")).toBe(base.get("salesforce", "Contact"));
    expect(base.get("salesforce", "Account")!.version).toBe(1);
  });

  it("gives the same content the same version hash, whatever its comments and layout", async () => {
    const a = await createMappingRegistry([{ file: "a", text: "system: filesource\nobject: x\nentity: account\nversion: 1\nfields: { name: Name }\n" }]);
    const b = await createMappingRegistry([
      { file: "b", text: "# a comment\nsystem: filesource\nobject: x\nentity: account\nversion: 1\nfields:\n  name: Name\n" },
    ]);
    const c = await createMappingRegistry([{ file: "c", text: "system: filesource\nobject: x\nentity: account\nversion: 1\nfields: { name: Title }\n" }]);
    expect(a.get("filesource", "x")!.mapping_version).toBe(b.get("filesource", "x")!.mapping_version);
    expect(c.get("filesource", "x")!.mapping_version).not.toBe(a.get("filesource", "x")!.mapping_version);
  });
});
