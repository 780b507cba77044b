import { describe, expect, it } from "vitest";
import { ProblemError } from "../../../../workers/gateway/problem";
import { editAndCompile, editMappingText } from "../../../../workers/aam/repair/edit-document";
import { bundledText, change } from "../helpers";

const account = bundledText("mappings/salesforce/account.yaml");

describe("editMappingText refuses", () => {
  it("to unmap a required target", () => {
    expect(() => editMappingText(account, [change({ target: "name", action: "unmap", previous_from: "Name" })], 2)).toThrowError(
      expect.objectContaining({ kind: "invalid-mapping", message: expect.stringContaining("account.name is required") }),
    );
  });

  it("a map change without a source path (a required target left for a person)", () => {
    expect(() => editMappingText(account, [change({ target: "name", action: "map", from: null, previous_from: "Name" })], 2)).toThrowError(ProblemError);
  });

  it("to retransform a target that is not mapped", () => {
    expect(() => editMappingText(account, [change({ target: "owner", action: "unmap" }), change({ target: "owner", action: "retransform", transforms: ["trim"] })], 2)).toThrowError(
      /not mapped/,
    );
  });

  it("a result that does not compile, with its issues", async () => {
    const bad = editAndCompile(account, [change({ target: "annual_revenue", action: "retransform", transforms: ["no_such_transform"] })], 2);
    await expect(bad).rejects.toMatchObject({ kind: "invalid-mapping", extras: { errors: [expect.objectContaining({ message: expect.stringContaining("unknown transform") })] } });
  });
});
