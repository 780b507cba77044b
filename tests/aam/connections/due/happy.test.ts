import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dueForSync } from "../../../../workers/aam/connections/due";
import { createConnection } from "../../../../workers/aam/connections/registry";
import { database, forTenant, schema } from "../../../../workers/platform/db";
import { newId } from "../../../../workers/platform/ids";

const db = database(env.DB);

async function tenant() {
  const id = newId("ten");
  await db.insert(schema.tenants).values({ id, name: id });
  return forTenant(db, id);
}

const input = (name: string, schedule_minutes: number | null) =>
  ({ system: "filesource", name, config: {}, schedule_minutes }) as const;

const T0 = new Date("2026-11-26T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe("dueForSync: the cron's cross-tenant scan", () => {
  it("finds due connections across tenants, most overdue first, and skips paused, failed, on-demand and future ones", async () => {
    const [a, b] = [await tenant(), await tenant()];
    const aOld = await createConnection(a, env, input("old", 60), at(0));
    const bNew = await createConnection(b, env, input("new", 60), at(3));
    const paused = await createConnection(a, env, input("paused", 60), at(0));
    await a.update(schema.connections, { status: "paused" }, eq(schema.connections.id, paused.id));
    const failed = await createConnection(b, env, input("failed", 60), at(0));
    await b.update(schema.connections, { status: "error" }, eq(schema.connections.id, failed.id));
    await createConnection(a, env, input("manual", null), at(0));
    await createConnection(b, env, input("later", 60), at(10));

    const due = await dueForSync(db, at(5));
    const mine = due.filter((c) => [a.tenantId, b.tenantId].includes(c.tenantId));
    expect(mine).toEqual([
      { id: aOld.id, tenantId: a.tenantId, system: "filesource", scheduleMinutes: 60, nextSyncAt: at(0).toISOString() },
      { id: bNew.id, tenantId: b.tenantId, system: "filesource", scheduleMinutes: 60, nextSyncAt: at(3).toISOString() },
    ]);
  });

  it("includes a connection exactly at its due time, and honours the limit", async () => {
    const scope = await tenant();
    await createConnection(scope, env, input("one", 30), at(100));
    await createConnection(scope, env, input("two", 30), at(100));
    const due = (await dueForSync(db, at(100), 1000)).filter((c) => c.tenantId === scope.tenantId);
    expect(due).toHaveLength(2);
    expect(await dueForSync(db, at(100), 1)).toHaveLength(1);
  });
});
