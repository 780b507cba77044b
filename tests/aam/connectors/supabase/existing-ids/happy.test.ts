/** Supabase `existing` against the real PostgREST: rows deleted in PostgreSQL are the ids it no longer returns. */
import { describe, expect, it } from "vitest";
import { EXISTING_BATCH } from "../../../../../workers/aam/connectors/connector";
import { connector, deleteLabels, insertLabels, project } from "../helpers";

const uid = () => crypto.randomUUID().slice(0, 8);

describe("Supabase existing", () => {
  it("answers the ids whose rows exist, ids with PostgREST's reserved characters included", async () => {
    const prefix = `ex-${uid()}`;
    const tricky = [",", "(", ")", '"', "\\", ".", ":", " ", "in.(x)", "a,b", 'say "hi"', "é"].map((s, i) => `${prefix}-${i}${s}`);
    await insertLabels(tricky);
    await deleteLabels([tricky[1]!, tricky[3]!, tricky[9]!]);
    const found = await connector().existing("labels", [...tricky, `${prefix}-never`]);
    expect([...found].sort()).toEqual(tricky.filter((_, i) => ![1, 3, 9].includes(i)).sort());
  });

  it("finds every existing id of a full batch although db-max-rows caps each answer", async () => {
    expect(project.max_rows).toBeLessThan(EXISTING_BATCH); // else the test would not cross the cap
    const prefix = `cap-${uid()}`;
    const ids = Array.from({ length: EXISTING_BATCH }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);
    await insertLabels(ids);
    await deleteLabels(ids.filter((_, i) => i % 10 === 0));
    const found = await connector().existing("labels", ids);
    expect([...found].sort()).toEqual(ids.filter((_, i) => i % 10 !== 0));
  });

  it("compares numeric ids as the text the pipeline keeps (bigint identity)", async () => {
    const found = await connector().existing("deals", ["1", "60", "61", "999999"]);
    expect([...found].sort()).toEqual(["1", "60"]); // the 60 seeded deals
  });

  it("reads an exposed schema's table through the profile header", async () => {
    const found = await connector({ schema: "bulk" }).existing("activities", ["1", "50000", "50001"]);
    expect([...found].sort()).toEqual(["1", "50000"]);
  });
});
