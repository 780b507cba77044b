/** The mass-delete guard holds back a page of enough records more than half of which are missing, saying what to do. */
import { describe, expect, it } from "vitest";
import { MASS_DELETE_MIN_PAGE, holdMassDelete } from "../../../../workers/aam/pipeline/mass-delete-guard";
import type { ReconcileJob } from "../../../../workers/aam/pipeline/messages";
import { ProblemError, problemKinds } from "../../../../workers/gateway/problem";

const job: ReconcileJob = { tenant_id: "ten_1", connection_id: "con_1", run_id: "run_1", trace_id: "t", step: "reconcile", object: "labels", after: null };

function heldBack(run: () => void): ProblemError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error("expected the guard to hold the page back");
}

describe("the mass-delete guard holds back", () => {
  it.each([
    ["one past half of a minimum-size page", MASS_DELETE_MIN_PAGE, MASS_DELETE_MIN_PAGE / 2 + 1],
    ["every record of a full page", 1000, 1000],
    ["an unconfirmed run (force: false)", 1000, 501],
  ])("%s", (_label, checked, missing) => {
    const problem = heldBack(() => holdMassDelete({ ...job, force: false }, { checked, missing }));
    expect(problem.kind).toBe("mass-delete-held");
    // permanent for the sync consumer: a 4xx that no retry changes
    expect(problemKinds[problem.kind].status).toBe(422);
    expect(problem.detail).toContain(`${missing} of ${checked} live records checked are no longer in the source`);
  });

  it("says what else looks like a mass delete, and how to confirm one", () => {
    const problem = heldBack(() => holdMassDelete(job, { checked: 200, missing: 200 }));
    expect(problem.detail).toContain("row-level security");
    expect(problem.detail).toContain("a mapping reading record ids from another field");
    expect(problem.detail).toContain('POST /api/v1/aam/connections/con_1/reconcile and the body {"force": true}');
  });
});
