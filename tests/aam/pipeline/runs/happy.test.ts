import { describe, expect, it } from "vitest";
import {
  createRun,
  getRun,
  recordBatchNormalized,
  recordPageRead,
  recordReadingDone,
  recordRunFailed,
} from "../../../../workers/aam/pipeline/runs";
import { schema } from "../../../../workers/platform/db";
import { newTenant } from "../../../helpers/pipeline";

const T0 = new Date("2026-11-26T10:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const TRACE = "0af7651916cd43dd8448eb211c80319c";

async function newRun() {
  const scope = await newTenant();
  const runId = await createRun(scope, { connectionId: "con_x", kind: "upload", object: "a.csv", traceId: TRACE });
  return { scope, runId };
}

/** What the normalize consumer writes with a batch's events before it counts the batch. */
async function normalized(scope: Awaited<ReturnType<typeof newTenant>>, runId: string, batchId: string) {
  await scope.insert(schema.normalizedBatches, { runId, batchId, afterSeq: 0, throughSeq: 0, valid: 0, quarantined: 0 });
}

describe("sync run bookkeeping", () => {
  it("creates a queued run with zero counts, readable only by its tenant", async () => {
    const { scope, runId } = await newRun();
    expect(await getRun(scope, runId)).toMatchObject({
      id: runId,
      tenantId: scope.tenantId,
      connectionId: "con_x",
      kind: "upload",
      object: "a.csv",
      status: "queued",
      read: 0,
      emitted: 0,
      quarantined: 0,
      duplicates: 0,
      batchesEnqueued: 0,
      batchesDone: 0,
      readingDone: false,
      traceId: TRACE,
      startedAt: null,
      finishedAt: null,
    });
    expect(await getRun(await newTenant(), runId)).toBeUndefined();
  });

  it("counts pages read and progress, and starts the run on the first page only", async () => {
    const { scope, runId } = await newRun();
    await recordPageRead(scope, runId, { records: 2, progress: { done: 100, total: 300, unit: "bytes" } }, at(1));
    await recordPageRead(scope, runId, { records: 0 }, at(2));
    await recordPageRead(scope, runId, { records: 3, progress: { done: 300, total: 300, unit: "bytes" } }, at(3));
    expect(await getRun(scope, runId)).toMatchObject({
      status: "running",
      read: 5,
      batchesEnqueued: 3,
      progressDone: 300,
      progressTotal: 300,
      progressUnit: "bytes",
      startedAt: at(1).toISOString(),
    });
  });

  it("finishes only once reading is done AND every enqueued batch is normalized, in either order", async () => {
    const { scope, runId } = await newRun();
    await recordPageRead(scope, runId, { records: 2 }, at(1));
    await recordPageRead(scope, runId, { records: 1 }, at(2));
    await normalized(scope, runId, "b1");
    await recordBatchNormalized(scope, runId, "b1", { emitted: 2, quarantined: 0, duplicates: 0 }, at(3));
    await recordReadingDone(scope, runId, at(4));
    expect(await getRun(scope, runId)).toMatchObject({ status: "running", readingDone: true, batchesDone: 1 });
    await normalized(scope, runId, "b2");
    await recordBatchNormalized(scope, runId, "b2", { emitted: 0, quarantined: 1, duplicates: 0 }, at(5));
    expect(await getRun(scope, runId)).toMatchObject({
      status: "succeeded",
      emitted: 2,
      quarantined: 1,
      batchesDone: 2,
      finishedAt: at(5).toISOString(),
    });
  });

  it("counts a redelivered batch once", async () => {
    const { scope, runId } = await newRun();
    await recordPageRead(scope, runId, { records: 2 }, at(1));
    await normalized(scope, runId, "b1");
    await recordBatchNormalized(scope, runId, "b1", { emitted: 2, quarantined: 0, duplicates: 0 }, at(2));
    await recordBatchNormalized(scope, runId, "b1", { emitted: 2, quarantined: 0, duplicates: 0 }, at(3));
    expect(await getRun(scope, runId)).toMatchObject({ emitted: 2, batchesDone: 1 });
  });

  it("finishes a run with nothing to read as soon as reading is done", async () => {
    const { scope, runId } = await newRun();
    await recordReadingDone(scope, runId, at(1));
    expect(await getRun(scope, runId)).toMatchObject({ status: "succeeded", startedAt: at(1).toISOString(), finishedAt: at(1).toISOString() });
  });

  it("records why a run failed, keeps its counts, and a failed run stays failed whatever is counted after", async () => {
    const { scope, runId } = await newRun();
    await recordPageRead(scope, runId, { records: 4 }, at(1));
    await recordRunFailed(scope, runId, "a.csv: R2 unavailable", at(2));
    expect(await getRun(scope, runId)).toMatchObject({ status: "failed", error: "a.csv: R2 unavailable", read: 4, finishedAt: at(2).toISOString() });
    // A page read by a job that was already on its way when the run failed must not revive it.
    await recordPageRead(scope, runId, { records: 1 }, at(3));
    await recordReadingDone(scope, runId, at(4));
    expect(await getRun(scope, runId)).toMatchObject({ status: "failed", read: 5 });
  });
});
