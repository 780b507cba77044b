/**
 * The feed's persistent state in the object's SQLite: each channel's last seq, and a ring of its last BUFFER_SIZE
 * messages, stored as the exact text sent to clients so a replay is byte-identical to the live delivery.
 * Everything here is synchronous SQL, so an append or a replay runs without yielding: no client can observe a
 * message twice or miss one between its replay and the live stream.
 */
import type { Channel } from "../../workers/dcl/live/messages";

export interface BufferedMessage {
  seq: number;
  /** the entity a /dcl change is about, for subscription filters; null on other channels */
  entity: string | null;
  text: string;
}

export interface Replay {
  /** seqs the client asked for that the ring no longer holds */
  gap: { from: number; to: number } | null;
  messages: BufferedMessage[];
}

export class FeedBuffer {
  constructor(
    private readonly sql: SqlStorage,
    private readonly capacity: number,
  ) {
    sql.exec(`CREATE TABLE IF NOT EXISTS feed_seq (channel TEXT PRIMARY KEY, last_seq INTEGER NOT NULL)`);
    sql.exec(`CREATE TABLE IF NOT EXISTS feed_buffer (
      channel TEXT NOT NULL, seq INTEGER NOT NULL, entity TEXT, text TEXT NOT NULL, PRIMARY KEY (channel, seq)
    ) WITHOUT ROWID`);
  }

  lastSeq(channel: Channel): number {
    const row = this.sql.exec<{ last_seq: number }>(`SELECT last_seq FROM feed_seq WHERE channel = ?`, channel).toArray()[0];
    return row?.last_seq ?? 0;
  }

  /** Stamps the payloads with the channel's next seqs, stores them and trims the ring; returns what to send. */
  append(channel: Channel, payloads: readonly { entity: string | null; message: (seq: number) => string }[]): BufferedMessage[] {
    let seq = this.lastSeq(channel);
    const appended = payloads.map(({ entity, message }) => {
      seq += 1;
      const text = message(seq);
      this.sql.exec(`INSERT INTO feed_buffer (channel, seq, entity, text) VALUES (?, ?, ?, ?)`, channel, seq, entity, text);
      return { seq, entity, text };
    });
    this.sql.exec(
      `INSERT INTO feed_seq (channel, last_seq) VALUES (?, ?) ON CONFLICT (channel) DO UPDATE SET last_seq = excluded.last_seq`,
      channel,
      seq,
    );
    this.sql.exec(`DELETE FROM feed_buffer WHERE channel = ? AND seq <= ?`, channel, seq - this.capacity);
    return appended;
  }

  /** What a client that has seen everything up to `since` missed, oldest first. */
  since(channel: Channel, since: number): Replay {
    const last = this.lastSeq(channel);
    if (since >= last) return { gap: null, messages: [] };
    const messages = this.sql
      .exec<{ seq: number; entity: string | null; text: string }>(
        `SELECT seq, entity, text FROM feed_buffer WHERE channel = ? AND seq > ? ORDER BY seq`,
        channel,
        since,
      )
      .toArray();
    const oldest = messages[0]?.seq ?? last + 1;
    return { gap: oldest > since + 1 ? { from: since + 1, to: oldest - 1 } : null, messages };
  }
}
