import { describe, expect, it } from "vitest";
import { CanonicalEventSchema } from "../../../workers/canonical/event";
import { account, event } from "../examples";

const rows: [label: string, value: unknown, path: string][] = [
  ["data of another entity", { ...event, data: account }, "data"],
  ["unknown entity", { ...event, entity: "lead" }, "entity"],
  ["schema version 2", { ...event, meta: { ...event.meta, version: 2 } }, "meta.version"],
  ["unknown op", { ...event, meta: { ...event.meta, op: "insert" } }, "meta.op"],
  ["emitted_at not UTC", { ...event, meta: { ...event.meta, emitted_at: "2026-11-26T01:00:00+01:00" } }, "meta.emitted_at"],
  ["missing event_id", { ...event, meta: { ...event.meta, event_id: "" } }, "meta.event_id"],
  ["unknown system", { ...event, source: { ...event.source, system: "oracle" } }, "source.system"],
  ["missing cursor", { ...event, source: { ...event.source, cursor: undefined } }, "source.cursor"],
  ["extra envelope key", { ...event, tenant: "x" }, ""],
];

describe("invalid events", () => {
  it.each(rows)("%s", (_label, value, path) => {
    const result = CanonicalEventSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${path}`))]));
  });
});
