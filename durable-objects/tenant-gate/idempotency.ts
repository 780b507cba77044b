/** Idempotency records: the first response for a key is stored and replayed for 24 h. */

export interface StoredResponse {
  status: number;
  headers: [string, string][];
  /** base64 of the body bytes */
  body: string;
}

export type BeginResult =
  | { state: "started" }
  | { state: "replay"; response: StoredResponse }
  | { state: "in_flight" }
  | { state: "mismatch" };

export class IdempotencyStore {
  constructor(private readonly sql: SqlStorage) {
    throw new Error("placeholder: implemented by the idempotency work package");
  }
  begin(key: string, fingerprint: string, now: number): BeginResult {
    void key; void fingerprint; void now; void this.sql;
    throw new Error("placeholder");
  }
  complete(key: string, response: StoredResponse, now: number): void {
    void key; void response; void now;
    throw new Error("placeholder");
  }
  release(key: string): void {
    void key;
    throw new Error("placeholder");
  }
  /** Deletes expired records; returns the time of the next expiry, if any, for the alarm. */
  purgeExpired(now: number): number | undefined {
    void now;
    throw new Error("placeholder");
  }
}
