import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createConnection, getConnection, updateConnection } from "../../../../workers/aam/connections/registry";
import { database, forTenant, schema } from "../../../../workers/platform/db";
import { newId } from "../../../../workers/platform/ids";

const db = database(env.DB);
const scopeId = newId("ten");
await db.insert(schema.tenants).values({ id: scopeId, name: "registry" });
const scope = forTenant(db, scopeId);

const T0 = new Date("2026-11-26T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const create = (schedule_minutes: number | null) =>
  createConnection(scope, env, { system: "filesource", name: newId("n"), config: {}, schedule_minutes }, at(0));
const markSynced = (id: string, when: Date) =>
  scope.update(schema.connections, { lastSyncAt: when.toISOString() }, eq(schema.connections.id, id));

describe("the registry keeps next_sync_at in step with the schedule", () => {
  it("starts a scheduled connection due at once and an on-demand one never", async () => {
    expect((await create(60)).nextSyncAt).toBe(at(0).toISOString());
    expect((await create(null)).nextSyncAt).toBeNull();
  });

  it("reschedules one interval after the last sync when the interval changes", async () => {
    const created = await create(60);
    await markSynced(created.id, at(2));
    expect((await updateConnection(scope, env, created.id, { schedule_minutes: 15 }, at(4))).nextSyncAt).toBe(at(17).toISOString());
  });

  it("makes a never-synced connection due at once when it gets a schedule", async () => {
    const created = await create(null);
    expect((await updateConnection(scope, env, created.id, { schedule_minutes: 30 }, at(9))).nextSyncAt).toBe(at(9).toISOString());
  });

  it("leaves next_sync_at alone when the schedule does not change (a rename, a pause, the same interval)", async () => {
    const created = await create(60);
    await markSynced(created.id, at(1));
    await scope.update(schema.connections, { nextSyncAt: at(61).toISOString() }, eq(schema.connections.id, created.id));
    await updateConnection(scope, env, created.id, { name: newId("n"), status: "paused", schedule_minutes: 60 }, at(5));
    const stored = await getConnection(scope, created.id);
    expect(stored).toMatchObject({ nextSyncAt: at(61).toISOString(), status: "paused", updatedAt: at(5).toISOString() });
  });

  it("treats an empty secrets object as no secrets", async () => {
    const created = await createConnection(scope, env, { system: "supabase", name: newId("n"), config: { url: "https://example.supabase.co" }, secrets: {}, schedule_minutes: 60 });
    expect(created.secretsCiphertext).toBeNull();
  });
});
