import { describe, expect, it } from "vitest";
import { canonicalize, CHAINED_FIELDS, chainHash, GENESIS_HASH, type UnsealedRecord } from "../../../workers/audit/chain";
import { AuditRecordSchema } from "../../../workers/audit/schema";
import { sha256Hex } from "../../../workers/platform/crypto";

const record: UnsealedRecord = {
  seq: 1,
  prev_hash: GENESIS_HASH,
  tenant_id: "ten_1",
  occurred_at: "2026-11-20T09:14:03.512Z",
  actor_type: "api_key",
  actor_id: "key_1",
  method: "DELETE",
  route: "/api/v1/auth/api-keys/:id",
  resource: "/api/v1/auth/api-keys/key_9",
  status: 204,
  trace_id: "4bf92f3577b34da6a3ce929d0e0e4736",
  body_hash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
};

describe("audit chain: canonical form", () => {
  it("starts from 64 zeros", () => {
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it("serialises the fields as a JSON array in the documented order, whatever the object's key order", () => {
    const expected =
      `["autonomos.audit.v1","${GENESIS_HASH}",1,"ten_1","2026-11-20T09:14:03.512Z","api_key","key_1","DELETE",` +
      `"/api/v1/auth/api-keys/:id","/api/v1/auth/api-keys/key_9",204,"4bf92f3577b34da6a3ce929d0e0e4736",` +
      `"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"]`;
    const reversed = Object.fromEntries(Object.entries(record).reverse()) as UnsealedRecord;
    expect(canonicalize(record)).toBe(expected);
    expect(canonicalize(reversed)).toBe(expected);
  });

  it("hashes the canonical form with SHA-256", async () => {
    expect(await chainHash(record)).toBe(await sha256Hex(canonicalize(record)));
    expect(await chainHash(record)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("covers every field of a record except the hash itself", () => {
    const recordFields = AuditRecordSchema.keyof().options.filter((field) => field !== "hash");
    expect([...CHAINED_FIELDS].sort()).toEqual([...recordFields].sort());
  });

  it("serialises a missing route as null", () => {
    expect(JSON.parse(canonicalize({ ...record, route: null }))[8]).toBeNull();
  });
});
