/**
 * POST /api/v1/bench/materialize/raw-insert (behind the gateway): the materialization benchmark's baseline, the
 * fastest straightforward way to write the same view rows into the same tables. The caller's materialized rows
 * are read out as D1 returns them, the views cleared, and the rows inserted back as one prepared statement per
 * row, `chunk` statements per D1 batch() (as the ingest baseline), timed from the first insert to the last.
 */
import type { Context } from "hono";
import type { AppEnv } from "../../workers/gateway/context";
import { callerOf } from "../../workers/gateway/middleware/auth/require";
import { d1ViewStore } from "../../workers/dcl/materialize/d1-view-store";
import { database, forTenant } from "../../workers/platform/db";
import { elapsedMs } from "./clock";

const TABLES = ["materialized_accounts", "materialized_opportunities", "materialized_contacts"] as const;

export async function benchRawViewInsert(c: Context<AppEnv>) {
  const chunk = Number(c.req.query("chunk") ?? 500);
  const tenantId = callerOf(c).tenantId;
  const db = c.env.DB;
  const tables = await Promise.all(
    TABLES.map(async (table) => ({ table, rows: (await db.prepare(`SELECT * FROM ${table} WHERE tenant_id = ?`).bind(tenantId).all<Record<string, unknown>>()).results })),
  );
  await d1ViewStore(forTenant(database(db), tenantId)).clear();
  const statements = tables.flatMap(({ table, rows }) => {
    if (rows.length === 0) return [];
    const columns = Object.keys(rows[0]!);
    const insert = db.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    return rows.map((row) => insert.bind(...columns.map((column) => row[column])));
  });
  const insert_ms = await elapsedMs(async () => {
    for (let start = 0; start < statements.length; start += chunk) await db.batch(statements.slice(start, start + chunk));
  });
  return c.json({ rows: statements.length, insert_ms });
}
