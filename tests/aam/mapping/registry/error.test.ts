import { describe, expect, it } from "vitest";
import { MappingFormatError } from "../../../../workers/aam/mapping/errors";
import { createMappingRegistry, systemMappings } from "../../../../workers/aam/mapping/registry";

const doc = (object: string, extra = "") => `system: filesource\nobject: ${object}\nentity: account\nversion: 1\nfields: { name: Name${extra} }\n`;

describe("registry errors", () => {
  it("refuses two documents for the same (system, object), naming both", async () => {
    const error = await createMappingRegistry([{ file: "one.yaml", text: doc("x") }, { file: "two.yaml", text: doc("x") }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MappingFormatError);
    expect((error as Error).message).toBe("two.yaml:1:1: object: filesource/x is already mapped by one.yaml");
  });

  it("rejects a bad override with its file and line, leaving the base usable", async () => {
    const base = await systemMappings();
    const error = await base.withOverrides([{ file: "tenant override v3", text: doc("x", ", owner: { from: Owner, transforms: [shout] }") }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MappingFormatError);
    expect((error as MappingFormatError).issues[0]).toMatchObject({ file: "tenant override v3", line: 5, path: "fields.owner.transforms[0]" });
    expect(base.get("salesforce", "Account")).toBeDefined();
  });
});
