/**
 * Idempotency records: the first response for a key is stored and replayed for 24 h. Every method is synchronous
 * SQL, so within the single-threaded TenantGate a check and its write can never interleave with another request.
 */

export const RESPONSE_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a key stays claimed by a request that never completes or releases it (a crashed or cancelled isolate). */
export const IN_FLIGHT_LEASE_MS = 5 * 60 * 1000;

export interface StoredResponse {
  status: number;
  /** [name, value] pairs: a list, as Set-Cookie may repeat; plain arrays, as RPC types widen tuples anyway */
  headers: string[][];
  body: ArrayBuffer;
}

export type BeginResult =
  | { state: "started" }
  | { state: "replay"; response: StoredResponse }
  | { state: "in_flight" }
  | { state: "mismatch" };

/** The table's CHECK guarantees a completed record carries its response. */
type RecordRow =
  | { fingerprint: string; state: "in_flight"; status: null; headers: null; body: null }
  | { fingerprint: string; state: "completed"; status: number; headers: string; body: ArrayBuffer };

export class IdempotencyStore {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS idempotency_record (
      key TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('in_flight', 'completed')),
      status INTEGER,
      headers TEXT,
      body BLOB,
      expires_at INTEGER NOT NULL,
      CHECK (state = 'in_flight' OR (status IS NOT NULL AND headers IS NOT NULL AND body IS NOT NULL))
    )`);
    sql.exec("CREATE INDEX IF NOT EXISTS idempotency_record_expires_at ON idempotency_record (expires_at)");
  }

  /** Claims the key for this request, or says why not. An expired record counts as absent, purged or not. */
  begin(key: string, fingerprint: string, now: number): BeginResult {
    const row = this.sql
      .exec<RecordRow>(
        "SELECT fingerprint, state, status, headers, body FROM idempotency_record WHERE key = ? AND expires_at > ?",
        key,
        now,
      )
      .toArray()[0];
    if (row === undefined) {
      this.sql.exec(
        "INSERT OR REPLACE INTO idempotency_record (key, fingerprint, state, expires_at) VALUES (?, ?, 'in_flight', ?)",
        key,
        fingerprint,
        now + IN_FLIGHT_LEASE_MS,
      );
      return { state: "started" };
    }
    if (row.fingerprint !== fingerprint) return { state: "mismatch" };
    if (row.state === "in_flight") return { state: "in_flight" };
    return {
      state: "replay",
      response: { status: row.status, headers: JSON.parse(row.headers) as string[][], body: row.body },
    };
  }

  complete(key: string, response: StoredResponse, now: number): void {
    this.sql.exec(
      `UPDATE idempotency_record SET state = 'completed', status = ?, headers = ?, body = ?, expires_at = ?
       WHERE key = ? AND state = 'in_flight'`,
      response.status,
      JSON.stringify(response.headers),
      response.body,
      now + RESPONSE_TTL_MS,
      key,
    );
  }

  /** Frees an in-flight key (the request failed with a 5xx) so the client may retry it. */
  release(key: string): void {
    this.sql.exec("DELETE FROM idempotency_record WHERE key = ? AND state = 'in_flight'", key);
  }

  /** Deletes expired records; returns the time of the next expiry, if any, for the alarm. */
  purgeExpired(now: number): number | undefined {
    this.sql.exec("DELETE FROM idempotency_record WHERE expires_at <= ?", now);
    const next = this.sql
      .exec<{ next: number | null }>("SELECT MIN(expires_at) AS next FROM idempotency_record")
      .one().next;
    return next ?? undefined;
  }
}
