/**
 * The whole FileSource story through the public API and the real queue consumers, in workerd: upload a CSV → its
 * events are in the stream → the same file again adds nothing → its bad row waits in quarantine → the tenant fixes
 * the mapping → replay moves the row into the stream under the new mapping version.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EventPageSchema } from "../../../../workers/gateway/routes/aam/events/list";
import { UploadAcceptedSchema } from "../../../../workers/gateway/routes/aam/connections/files";
import { QuarantinePageSchema } from "../../../../workers/gateway/routes/aam/quarantine/list";
import { ReplayResultSchema } from "../../../../workers/gateway/routes/aam/quarantine/replay";
import { RunSchema } from "../../../../workers/gateway/routes/aam/runs/schemas";
import deals from "../../../../scripts/demo/legacy-crm/deals.csv?raw";
import dealsMapping from "../../../../mappings/filesource/deals.yaml?raw";
import { type SignedUp, bearer, signUp } from "../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../helpers/connections";
import { call } from "../../../helpers/http";
import { captureQueues, queueDrainer } from "../../../helpers/pipeline";

let owner: SignedUp;
let drainQueues: () => Promise<void>;
let connectionId: string;

beforeAll(async () => {
  owner = await signUp();
  drainQueues = queueDrainer(captureQueues());
  connectionId = (await createConnection(owner.accessToken)).id;
});
afterAll(() => vi.restoreAllMocks());

const auth = () => bearer(owner.accessToken);
const getJson = async (path: string) => {
  const res = await call(path, { headers: auth() });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};

async function uploadDeals() {
  const res = await call(`${CONNECTIONS}/${connectionId}/files?entity=opportunity&name=deals.csv`, {
    body: new TextEncoder().encode(deals),
    headers: { ...auth(), "content-type": "text/csv" },
  });
  expect(res.status).toBe(202);
  const { run_id } = UploadAcceptedSchema.parse(await res.json());
  await drainQueues();
  return RunSchema.parse(await getJson(`/api/v1/aam/runs/${run_id}`));
}

const streamEvents = async () => EventPageSchema.parse(await getJson(`/api/v1/aam/events?connection_id=${connectionId}&limit=100`)).items;
const openQuarantine = async () =>
  QuarantinePageSchema.parse(await getJson(`/api/v1/aam/quarantine?status=open&connection_id=${connectionId}`)).items;

describe("a CSV file, from upload to the canonical stream", () => {
  it("maps every good row into one event and quarantines the row whose stage is unknown", async () => {
    const run = await uploadDeals();
    expect(run).toMatchObject({ status: "succeeded", counts: { read: 7, emitted: 6, quarantined: 1, duplicates: 0 } });

    const events = await streamEvents();
    expect(events.map((e) => e.source.record_id).sort()).toEqual(["D-501", "D-502", "D-503", "D-504", "D-505", "D-507"]);
    expect(events.every((e) => e.entity === "opportunity" && e.meta.mapping_version.startsWith("filesource/deals@1#"))).toBe(true);
    // Zero is data: the free pilot keeps its amount of 0, it does not fall back to a default or vanish.
    expect(events.find((e) => e.source.record_id === "D-503")?.data).toMatchObject({ amount: 0, status: "open" });

    expect(await openQuarantine()).toMatchObject([
      { record_id: "D-506", line: 7, reason: expect.stringContaining("status"), mapping_version: expect.stringMatching(/^filesource\/deals@1#/) },
    ]);
  });

  it("adds nothing when the same file is uploaded again: its rows are duplicates, its bad row keeps one entry", async () => {
    const before = await streamEvents();
    const [entry] = await openQuarantine();
    const run = await uploadDeals();
    expect(run).toMatchObject({ status: "succeeded", counts: { read: 7, emitted: 0, quarantined: 1, duplicates: 6 } });
    expect(await streamEvents()).toEqual(before);
    expect(await openQuarantine()).toMatchObject([{ id: entry?.id, record_id: "D-506", run_id: run.id }]);
  });

  it("replays the quarantined row into the stream once the tenant's mapping knows the stage", async () => {
    const fixed = dealsMapping
      .replace(/^version: 1$/m, "version: 2")
      .replace("            Negotiation: open\n", "            Negotiation: open\n            Verhandlung: open\n");
    expect(fixed).toContain("Verhandlung: open");
    const put = await call("/api/v1/aam/mappings/filesource/deals", {
      method: "PUT",
      body: { source: fixed, comment: "German stage name seen in the legacy export" },
      headers: auth(),
    });
    expect(put.status, await put.clone().text()).toBe(201);

    const [held] = await openQuarantine();
    const replay = await call("/api/v1/aam/quarantine/replay", { body: { connection_id: connectionId }, headers: auth() });
    expect(replay.status).toBe(200);
    expect(ReplayResultSchema.parse(await replay.json())).toMatchObject({ replayed: 1, still_failing: 0 });
    await drainQueues();

    expect(await openQuarantine()).toEqual([]);
    const replayed = (await streamEvents()).filter((e) => e.source.record_id === held?.record_id);
    expect(replayed).toHaveLength(1);
    expect(replayed[0]).toMatchObject({ meta: { mapping_version: expect.stringMatching(/^filesource\/deals@2#/) }, data: { status: "open" } });
    expect(await streamEvents()).toHaveLength(7);
  });

  it("keeps the stream unchanged when the fixed file is uploaded once more", async () => {
    const before = await streamEvents();
    const run = await uploadDeals();
    // An event's id is over the source record, not the mapping: every row, the replayed one too, is already in.
    expect(run).toMatchObject({ status: "succeeded", counts: { read: 7, emitted: 0, quarantined: 0, duplicates: 7 } });
    expect(await streamEvents()).toEqual(before);
  });
});
