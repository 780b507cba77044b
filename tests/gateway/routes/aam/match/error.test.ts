import { describe, expect, it } from "vitest";
import { signUp } from "../../../../helpers/auth";
import { expectProblem } from "../../../../helpers/http";
import { matchRaw } from "./helpers";

const alice = await signUp();

describe("POST /api/v1/aam/match, bad requests", () => {
  it("answers 400 with one error per invalid field", async () => {
    const res = await matchRaw(alice.accessToken, { entity: "invoice", fields: [{ name: "" }, { label: "no name" }] });
    const problem = await expectProblem(res, 400, "validation-error");
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(["body.entity", "body.fields.0.name", "body.fields.1.name"]);
  });

  it("refuses an empty field list and more than 500 fields", async () => {
    await expectProblem(await matchRaw(alice.accessToken, { entity: "account", fields: [] }), 400, "validation-error");
    const many = Array.from({ length: 501 }, (_, i) => ({ name: `f${i}` }));
    const problem = await expectProblem(await matchRaw(alice.accessToken, { entity: "account", fields: many }), 400, "validation-error");
    expect(problem.errors!.map((e) => e.path)).toEqual(["body.fields"]);
  });

  it("refuses a field name sent twice, pointing at each repeat", async () => {
    const fields = [{ name: "Phone" }, { name: "Name" }, { name: "Phone", label: "Other phone" }, { name: "Phone" }];
    const problem = await expectProblem(await matchRaw(alice.accessToken, { entity: "account", fields }), 400, "validation-error");
    expect(problem.errors).toEqual([
      { path: "body.fields.2.name", message: "duplicate of fields.0.name: each name may be sent once", code: "custom" },
      { path: "body.fields.3.name", message: "duplicate of fields.0.name: each name may be sent once", code: "custom" },
    ]);
  });

  it("refuses more than 20 samples for a field", async () => {
    const samples = Array.from({ length: 21 }, (_, i) => i);
    const problem = await expectProblem(await matchRaw(alice.accessToken, { entity: "account", fields: [{ name: "Amount", samples }] }), 400, "validation-error");
    expect(problem.errors!.map((e) => e.path)).toEqual(["body.fields.0.samples"]);
  });

  it("answers 400 for a body that is not JSON", async () => {
    await expectProblem(await matchRaw(alice.accessToken, "{not json"), 400, "malformed-body");
  });
});
