/** A reconciliation delete carries the id where the object's mapping reads it, so it maps to the same source id. */
import { describe, expect, it } from "vitest";
import { deletedRecords } from "../../../../workers/aam/pipeline/deleted-records";
import { compileMapping } from "../../../../workers/aam/mapping/compile";
import { systemMappings } from "../../../../workers/aam/mapping/registry";

const live = (record_id: string) => ({ record_id, event_id: `evt_of_${record_id}` });

describe("deletedRecords", () => {
  it("puts the id at the mapping's record_id path, and the mapping reads it back", async () => {
    const companies = (await systemMappings()).get("supabase", "companies")!;
    const [record] = deletedRecords(companies, [live("7f0c")]);
    expect(record).toEqual({ record_id: "7f0c", op: "delete", data: { id: "7f0c" }, cursor: "reconcile:evt_of_7f0c" });
    expect(companies.map(record!.data).record_id).toBe("7f0c");
  });

  it("names the upsert each delete ends in its cursor", async () => {
    const companies = (await systemMappings()).get("supabase", "companies")!;
    const again = deletedRecords(companies, [{ record_id: "7f0c", event_id: "evt_recreated" }]);
    expect(again[0]!.cursor).toBe("reconcile:evt_recreated");
  });

  it("nests the id for a nested path", async () => {
    const companies = (await systemMappings()).get("supabase", "companies")!;
    const nested = compileMapping({ ...companies.document, record_id: { path: [{ key: "ref" }, { key: "uid" }], text: "ref.uid" } }, "hash");
    expect(deletedRecords(nested, [live("x")])[0]!.data).toEqual({ ref: { uid: "x" } });
  });

  it("carries no data without a mapping: the record_id is the id normalization falls back to", () => {
    expect(deletedRecords("no mapping for supabase/labels", [live("a"), live("b")]).map((r) => r.data)).toEqual([{}, {}]);
  });
});
