/** The mass-delete guard lets ordinary reconciliation through: small pages, up to half missing, or confirmed. */
import { describe, expect, it } from "vitest";
import { MASS_DELETE_MIN_PAGE, holdMassDelete } from "../../../../workers/aam/pipeline/mass-delete-guard";
import type { ReconcileJob } from "../../../../workers/aam/pipeline/messages";

const job: ReconcileJob = { tenant_id: "ten_1", connection_id: "con_1", run_id: "run_1", trace_id: "t", step: "reconcile", object: "labels", after: null };

describe("the mass-delete guard lets through", () => {
  it.each([
    ["a page below the minimum, all of it missing", MASS_DELETE_MIN_PAGE - 1, MASS_DELETE_MIN_PAGE - 1],
    ["exactly half of a full-size page missing", MASS_DELETE_MIN_PAGE, MASS_DELETE_MIN_PAGE / 2],
    ["half of a large page missing", 1000, 500],
    ["nothing missing", 1000, 0],
  ])("%s", (_label, checked, missing) => {
    expect(() => holdMassDelete(job, { checked, missing })).not.toThrow();
  });

  it("a confirmed run, however much is missing", () => {
    expect(() => holdMassDelete({ ...job, force: true }, { checked: 1000, missing: 1000 })).not.toThrow();
  });
});
