/**
 * The tenant's append-only, hash-chained audit log in the TenantGate's SQLite storage. The module offers append, list
 * and verify, nothing that updates or deletes, and triggers refuse UPDATE/DELETE on the rows so no other code sharing
 * this storage can change history by mistake.
 *
 * Each record's hash covers the previous record's hash (workers/audit/chain.ts), so editing, deleting or reordering a
 * row breaks the chain at that row. The head (last seq and hash) lives in its own row, moved in the same synchronous
 * transaction as each append, so a deleted or replaced last row is caught too.
 *
 * What this does not stop: someone with write access to the whole storage can drop the triggers and rewrite every row
 * and the head consistently, leaving a valid chain. Detecting that needs the head anchored outside this storage
 * (periodically signed and published, or written to a separate append-only store); that is the next step.
 */
import { z } from "@hono/zod-openapi";
import { chainHash, GENESIS_HASH, type UnsealedRecord } from "../../workers/audit/chain";
import { encodeCursor } from "../../workers/audit/cursor";
import {
  type AuditEntry,
  AuditEntrySchema,
  type AuditPage,
  type AuditQuery,
  type AuditRecord,
  AuditRecordSchema,
  type AuditVerification,
  type ChainHead,
} from "../../workers/audit/schema";

const COLUMNS = AuditRecordSchema.keyof().options;
const SELECT_RECORD = `SELECT ${COLUMNS.join(", ")} FROM audit_log`;
const INSERT_RECORD = `INSERT INTO audit_log (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`;
/** Rows hashed per read while verifying, so a long chain is never held in memory at once. */
const VERIFY_BATCH = 500;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS audit_log (
    seq INTEGER PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    method TEXT NOT NULL,
    route TEXT,
    resource TEXT NOT NULL,
    status INTEGER NOT NULL,
    trace_id TEXT NOT NULL,
    body_hash TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS audit_log_actor_idx ON audit_log (actor_id, seq);
  CREATE TABLE IF NOT EXISTS audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

type Filter = { column: "actor_id" | "method" | "status"; value: string | number | undefined };

export class AuditLog {
  private readonly sql: SqlStorage;

  constructor(private readonly storage: DurableObjectStorage) {
    this.sql = storage.sql;
    this.sql.exec(SCHEMA);
  }

  /** Appends the entry as the next record of the chain and returns the stored record. */
  async append(input: AuditEntry): Promise<AuditRecord> {
    // Validated here, at the chain's own boundary: whatever is appended stays in the chain for good.
    const parsed = AuditEntrySchema.safeParse(input);
    if (!parsed.success) throw new TypeError(`Invalid audit entry: ${z.prettifyError(parsed.error)}`);
    const entry = parsed.data;
    // Hashing is asynchronous (WebCrypto), so another append could run while it is awaited. The head is re-read
    // inside the synchronous transaction and the record re-sealed if it moved: the chain never forks.
    for (;;) {
      const head = this.head();
      const unsealed: UnsealedRecord = { ...entry, seq: head.seq + 1, prev_hash: head.hash };
      const record: AuditRecord = { ...unsealed, hash: await chainHash(unsealed) };
      const written = this.storage.transactionSync(() => {
        if (this.head().seq !== head.seq) return false;
        this.sql.exec(INSERT_RECORD, ...COLUMNS.map((column) => record[column]));
        this.sql.exec(
          "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
          record.seq,
          record.hash,
        );
        return true;
      });
      if (written) return record;
    }
  }

  /** Newest first; `cursor` (a decoded seq) continues below the previous page's last record. */
  list(query: AuditQuery): AuditPage {
    const filters: Filter[] = [
      { column: "actor_id", value: query.actor_id },
      { column: "method", value: query.method },
      { column: "status", value: query.status },
    ];
    // Without a cursor the page starts at the newest record.
    const conditions = ["seq < ?"];
    const bindings: (string | number)[] = [query.cursor ?? Number.MAX_SAFE_INTEGER];
    for (const { column, value } of filters) {
      if (value === undefined) continue;
      conditions.push(`${column} = ?`);
      bindings.push(value);
    }
    // One row past the page tells whether another page follows.
    const rows = this.sql
      .exec<AuditRecord>(`${SELECT_RECORD} WHERE ${conditions.join(" AND ")} ORDER BY seq DESC LIMIT ?`, ...bindings, query.limit + 1)
      .toArray();
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items, next_cursor: rows.length > query.limit && last !== undefined ? encodeCursor(last.seq) : null };
  }

  /**
   * Walks the chain from genesis to the recorded head and reports the first record that does not hold. Records
   * appended while the walk awaits its hashes lie beyond the head read at the start and are left for the next run.
   */
  async verify(): Promise<AuditVerification> {
    const head = this.head();
    const lastSeq = this.sql.exec<{ last: number | null }>("SELECT MAX(seq) AS last FROM audit_log").one().last ?? 0;
    let verified: ChainHead = { seq: 0, hash: GENESIS_HASH };
    let checked = 0;
    const invalid = (seq: number, reason: string): AuditVerification => ({ valid: false, checked, head, first_invalid_seq: seq, reason });

    if (lastSeq > head.seq) {
      return invalid(head.seq + 1, `records exist beyond the recorded head (seq ${head.seq}): the head was removed or rolled back`);
    }
    for (;;) {
      const batch = this.sql
        .exec<AuditRecord>(`${SELECT_RECORD} WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`, verified.seq, head.seq, VERIFY_BATCH)
        .toArray();
      if (batch.length === 0) break;
      for (const { hash, ...unsealed } of batch) {
        const seq = verified.seq + 1;
        if (unsealed.seq !== seq) return invalid(seq, `record ${seq} is missing (the next one is ${unsealed.seq})`);
        if (unsealed.prev_hash !== verified.hash) {
          return invalid(seq, `prev_hash does not match record ${verified.seq}'s hash: records were removed or reordered`);
        }
        if ((await chainHash(unsealed)) !== hash) return invalid(seq, "hash does not match the record's contents: it was edited");
        verified = { seq, hash };
        checked += 1;
      }
    }
    if (verified.seq !== head.seq) {
      return invalid(verified.seq + 1, `the chain ends at seq ${verified.seq} but the head records seq ${head.seq}: records were truncated`);
    }
    if (verified.hash !== head.hash) {
      return invalid(head.seq, "the last record's hash differs from the head's: it was replaced");
    }
    return { valid: true, checked, head };
  }

  /** The last appended record's seq and hash; genesis for an empty log. */
  private head(): ChainHead {
    const row = this.sql.exec<ChainHead>("SELECT seq, hash FROM audit_head WHERE id = 1").toArray()[0];
    return row ?? { seq: 0, hash: GENESIS_HASH };
  }
}
