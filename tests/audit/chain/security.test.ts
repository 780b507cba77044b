import { describe, expect, it } from "vitest";
import { auditEntry } from "../../helpers/audit";
import { canonicalize, CHAINED_FIELDS, chainHash, GENESIS_HASH, type UnsealedRecord } from "../../../workers/audit/chain";

const record: UnsealedRecord = {
  seq: 7,
  prev_hash: GENESIS_HASH,
  ...auditEntry("ten_1", { actor_id: "usr_1", occurred_at: "2026-11-20T09:14:03.512Z" }),
};

/** A different but same-typed value for each field. */
const altered: { [K in keyof UnsealedRecord]: UnsealedRecord[K] } = {
  seq: 8,
  prev_hash: "1".repeat(64),
  tenant_id: "ten_2",
  occurred_at: "2026-11-20T09:14:03.513Z",
  actor_type: "api_key",
  actor_id: "usr_2",
  method: "PUT",
  route: null,
  resource: "/api/v1/things/1",
  status: 200,
  trace_id: "0af7651916cd43dd8448eb211c80319c",
  body_hash: "f".repeat(64),
};

describe("audit chain: tamper evidence", () => {
  it.each(CHAINED_FIELDS)("changes the hash when %s changes", async (field) => {
    expect(await chainHash({ ...record, [field]: altered[field] })).not.toBe(await chainHash(record));
  });

  it("keeps field boundaries: moving characters between neighbours changes the encoding", () => {
    const shifted = { ...record, actor_id: "usr_1\",\"POST", method: "" };
    expect(canonicalize(shifted)).not.toBe(canonicalize(record));
  });

  it("tells a number from its string form", () => {
    expect(canonicalize({ ...record, status: "201" as unknown as number })).not.toBe(canonicalize(record));
  });
});
