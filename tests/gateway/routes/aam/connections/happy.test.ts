import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ConnectionSchema } from "../../../../../workers/gateway/routes/aam/connections/schemas";
import { ConnectionPageSchema } from "../../../../../workers/gateway/routes/aam/connections/list";
import { HealthCheckSchema } from "../../../../../workers/aam/connectors/connector";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { SALESFORCE_CONFIG } from "../../../../aam/connectors/salesforce/helpers";

describe("POST /api/v1/aam/connections", () => {
  it("creates a FileSource connection with the platform's prefix, the default schedule and no secrets", async () => {
    const owner = await signUp();
    const res = await call(CONNECTIONS, {
      body: { system: "filesource", name: "  CRM exports ", config: { format: "csv", delimiter: ";", id_column: "Id" } },
      headers: bearer(owner.accessToken),
    });
    expect(res.status).toBe(201);
    const created = ConnectionSchema.parse(await res.json());
    expect(created).toMatchObject({
      system: "filesource",
      name: "CRM exports",
      status: "active",
      schedule_minutes: 60,
      has_secrets: false,
      last_sync_at: null,
      last_sync_stats: null,
      last_error: null,
      config: {
        format: "csv",
        delimiter: ";",
        id_column: "Id",
        prefix: `tenants/${owner.tenantId}/connections/${created.id}/`,
      },
    });
    expect(created.id).toMatch(/^con_[0-9a-f]{24}$/);
    // never synced: due at the next cron tick
    expect(created.next_sync_at).toBe(created.created_at);
  });

  it("accepts secrets and answers only that it has them", async () => {
    const owner = await signUp();
    const created = await createConnection(owner.accessToken, {
      system: "salesforce",
      config: SALESFORCE_CONFIG,
      secrets: { client_secret: "s3cr3t-value" },
    });
    expect(created.has_secrets).toBe(true);
    // the stored config is the validated one, with the connector's defaults filled in; the secret is nowhere
    expect(created.config).toEqual({ ...SALESFORCE_CONFIG, objects: ["Account", "Contact", "Opportunity"] });
    expect(JSON.stringify(created)).not.toContain("s3cr3t-value");
  });

  it("creates an on-demand connection that the cron never schedules", async () => {
    const owner = await signUp();
    const created = await createConnection(owner.accessToken, { schedule_minutes: null });
    expect(created.schedule_minutes).toBeNull();
    expect(created.next_sync_at).toBeNull();
  });

  it("allows the same name in two tenants", async () => {
    const a = await signUp();
    const b = await signUp();
    await createConnection(a.accessToken, { name: "Files" });
    expect((await createConnection(b.accessToken, { name: "Files" })).name).toBe("Files");
  });
});

describe("GET /api/v1/aam/connections", () => {
  it("pages through the tenant's connections in name order", async () => {
    const owner = await signUp();
    for (const name of ["charlie", "alpha", "bravo"]) await createConnection(owner.accessToken, { name });
    const first = ConnectionPageSchema.parse(await (await call(`${CONNECTIONS}?limit=2`, { headers: bearer(owner.accessToken) })).json());
    expect(first.items.map((c) => c.name)).toEqual(["alpha", "bravo"]);
    expect(first.next_cursor).not.toBeNull();
    const second = ConnectionPageSchema.parse(
      await (await call(`${CONNECTIONS}?limit=2&cursor=${first.next_cursor}`, { headers: bearer(owner.accessToken) })).json(),
    );
    expect(second.items.map((c) => c.name)).toEqual(["charlie"]);
    expect(second.next_cursor).toBeNull();
  });

  it("gets one connection by id, for a key holding only aam:read", async () => {
    const owner = await signUp();
    const created = await createConnection(owner.accessToken);
    const { key } = await createApiKey(owner.accessToken, ["aam:read"]);
    const res = await call(`${CONNECTIONS}/${created.id}`, { headers: bearer(key) });
    expect(res.status).toBe(200);
    expect(ConnectionSchema.parse(await res.json())).toEqual(created);
  });
});

describe("PATCH /api/v1/aam/connections/{id}", () => {
  it("changes only the fields sent", async () => {
    const owner = await signUp();
    const created = await createConnection(owner.accessToken, { config: { format: "csv", id_column: "Id" } });
    const res = await call(`${CONNECTIONS}/${created.id}`, {
      method: "PATCH",
      body: { name: "Renamed", status: "paused" },
      headers: bearer(owner.accessToken),
    });
    expect(res.status).toBe(200);
    const updated = ConnectionSchema.parse(await res.json());
    expect(updated).toMatchObject({ name: "Renamed", status: "paused", config: created.config, schedule_minutes: 60 });
    expect(updated.updated_at >= created.updated_at).toBe(true);
  });

  it("replaces the config, and accepts the assigned prefix echoed back", async () => {
    const owner = await signUp();
    const created = await createConnection(owner.accessToken, { config: { format: "csv", id_column: "Id" } });
    const config = { ...created.config, format: "ndjson", id_column: undefined };
    const res = await call(`${CONNECTIONS}/${created.id}`, { method: "PATCH", body: { config }, headers: bearer(owner.accessToken) });
    expect(res.status).toBe(200);
    expect((await res.json<{ config: unknown }>()).config).toEqual({ format: "ndjson", prefix: created.config.prefix });
  });

  it("turns a connection into an on-demand one and back", async () => {
    const owner = await signUp();
    const created = await createConnection(owner.accessToken);
    const patch = (body: unknown) => call(`${CONNECTIONS}/${created.id}`, { method: "PATCH", body, headers: bearer(owner.accessToken) });
    const manual = ConnectionSchema.parse(await (await patch({ schedule_minutes: null })).json());
    expect(manual).toMatchObject({ schedule_minutes: null, next_sync_at: null });
    const scheduled = ConnectionSchema.parse(await (await patch({ schedule_minutes: 15 })).json());
    expect(scheduled.schedule_minutes).toBe(15);
    expect(scheduled.next_sync_at).not.toBeNull();
  });

  it("replaces and removes secrets", async () => {
    const owner = await signUp();
    const created = await createConnection(owner.accessToken);
    const patch = (body: unknown) => call(`${CONNECTIONS}/${created.id}`, { method: "PATCH", body, headers: bearer(owner.accessToken) });
    expect((await (await patch({ secrets: { token: "t-1" } })).json<{ has_secrets: boolean }>()).has_secrets).toBe(true);
    expect((await (await patch({ secrets: null })).json<{ has_secrets: boolean }>()).has_secrets).toBe(false);
    const row = await env.DB.prepare("SELECT secrets_ciphertext FROM connections WHERE id = ?").bind(created.id).first();
    expect(row).toEqual({ secrets_ciphertext: null });
  });
});

describe("DELETE /api/v1/aam/connections/{id}", () => {
  it("deletes the connection and the files under its prefix, and only those", async () => {
    const owner = await signUp();
    const doomed = await createConnection(owner.accessToken);
    const kept = await createConnection(owner.accessToken);
    await env.FILES.put(`${doomed.config.prefix}accounts.csv`, "Id,Name\n1,Acme\n");
    await env.FILES.put(`${doomed.config.prefix}nested/deals.csv`, "Id\n1\n");
    await env.FILES.put(`${kept.config.prefix}accounts.csv`, "Id\n1\n");

    const res = await call(`${CONNECTIONS}/${doomed.id}`, { method: "DELETE", headers: bearer(owner.accessToken) });
    expect(res.status).toBe(204);
    expect((await call(`${CONNECTIONS}/${doomed.id}`, { headers: bearer(owner.accessToken) })).status).toBe(404);
    expect((await env.FILES.list({ prefix: String(doomed.config.prefix) })).objects).toEqual([]);
    expect(await env.FILES.head(`${kept.config.prefix}accounts.csv`)).not.toBeNull();
    expect((await call(`${CONNECTIONS}/${kept.id}`, { headers: bearer(owner.accessToken) })).status).toBe(200);
  });

  it("frees the name for a new connection", async () => {
    const owner = await signUp();
    const first = await createConnection(owner.accessToken, { name: "Reused" });
    await call(`${CONNECTIONS}/${first.id}`, { method: "DELETE", headers: bearer(owner.accessToken) });
    expect((await createConnection(owner.accessToken, { name: "Reused" })).id).not.toBe(first.id);
  });
});

describe("POST /api/v1/aam/connections/{id}/test", () => {
  it("runs the FileSource connector's check against the connection's own prefix", async () => {
    const owner = await signUp();
    const connection = await createConnection(owner.accessToken);
    const test = () => call(`${CONNECTIONS}/${connection.id}/test`, { method: "POST", headers: bearer(owner.accessToken) });
    const empty = await test();
    expect(empty.status).toBe(200);
    expect(HealthCheckSchema.parse(await empty.json())).toMatchObject({ ok: true, detail: "no files yet" });
    await env.FILES.put(`${connection.config.prefix}accounts.csv`, "Id,Name\n1,Acme\n");
    expect(HealthCheckSchema.parse(await (await test()).json())).toMatchObject({ ok: true, detail: "files found" });
  });
});

describe("OpenAPI", () => {
  it("documents every connection route with its scope and problems", async () => {
    type Operation = { description?: string; responses: Record<string, unknown> };
    const doc = await (await call("/api/v1/openapi.json")).json<{ paths: Record<string, Record<string, Operation>> }>();
    const collection = doc.paths[CONNECTIONS]!;
    const item = doc.paths[`${CONNECTIONS}/{id}`]!;
    const test = doc.paths[`${CONNECTIONS}/{id}/test`]!.post!;
    expect(Object.keys(collection).sort()).toEqual(["get", "post"]);
    expect(Object.keys(item).sort()).toEqual(["delete", "get", "patch"]);
    expect(collection.post!.description).toContain("aam:write");
    expect(collection.get!.description).toContain("aam:read");
    expect(Object.keys(collection.post!.responses)).toEqual(expect.arrayContaining(["201", "400", "403", "409"]));
    expect(Object.keys(item.delete!.responses)).toEqual(expect.arrayContaining(["204", "404"]));
    expect(Object.keys(test.responses)).toEqual(expect.arrayContaining(["200", "400", "404"]));
  });
});
