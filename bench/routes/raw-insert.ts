/**
 * POST /api/v1/bench/raw-insert?chunk=N with a CSV body: the end-to-end benchmark's baseline, the fastest
 * straightforward way to put the same rows into the same D1. The body is read whole and split into lines (the
 * benchmark's CSV has no quoted line breaks), and each row is inserted as one prepared statement, `chunk`
 * statements per D1 batch() (one transaction and round trip each), into a scratch table keyed like the event
 * stream (a unique text id plus the row as JSON).
 */
import type { Context } from "hono";
import { elapsedMs } from "./clock";

const TABLE = "bench_raw_rows";

export async function benchRawInsert(c: Context<{ Bindings: Cloudflare.Env }>) {
  const chunk = Number(c.req.query("chunk") ?? 500);
  const db = c.env.DB;
  await db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL)`);
  const lines = (await c.req.text()).split("\n").filter((line) => line !== "");
  const columns = lines[0]!.split(";");
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(";");
    return { id: cells[0]!, data: JSON.stringify(Object.fromEntries(columns.map((name, i) => [name, cells[i] ?? ""]))) };
  });
  const insert = db.prepare(`INSERT INTO ${TABLE} (id, data) VALUES (?, ?)`);
  const insert_ms = await elapsedMs(async () => {
    for (let start = 0; start < rows.length; start += chunk) {
      await db.batch(rows.slice(start, start + chunk).map((row) => insert.bind(row.id, row.data)));
    }
  });
  return c.json({ rows: rows.length, insert_ms });
}
