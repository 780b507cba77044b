import { createExecutionContext, env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../../../../workers/gateway/app";
import { ConnectionPageSchema } from "../../../../../workers/gateway/routes/aam/connections/list";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { API, call, expectProblem } from "../../../../helpers/http";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";

const alice = await signUp();
const mallory = await signUp();

afterEach(() => vi.restoreAllMocks());

describe("tenant isolation", () => {
  it("never lists another tenant's connections", async () => {
    const own = await createConnection(alice.accessToken);
    const page = ConnectionPageSchema.parse(await (await call(CONNECTIONS, { headers: bearer(mallory.accessToken) })).json());
    expect(page.items.map((c) => c.id)).not.toContain(own.id);
  });

  it("answers 404 to another tenant's reads, updates, deletes and tests, and changes nothing", async () => {
    const target = await createConnection(alice.accessToken, { secrets: { token: "alice-token" } });
    const path = `${CONNECTIONS}/${target.id}`;
    const as = bearer(mallory.accessToken);
    await expectProblem(await call(path, { headers: as }), 404, "not-found");
    await expectProblem(await call(path, { method: "PATCH", body: { name: "pwned", secrets: null }, headers: as }), 404, "not-found");
    await expectProblem(await call(`${path}/test`, { method: "POST", headers: as }), 404, "not-found");
    await expectProblem(await call(path, { method: "DELETE", headers: as }), 404, "not-found");
    const res = await call(path, { headers: bearer(alice.accessToken) });
    expect(await res.json()).toEqual(target);
  });

  it("keeps another tenant's files when a same-id delete is attempted", async () => {
    const target = await createConnection(alice.accessToken);
    await env.FILES.put(`${target.config.prefix}accounts.csv`, "Id\n1\n");
    await call(`${CONNECTIONS}/${target.id}`, { method: "DELETE", headers: bearer(mallory.accessToken) });
    expect(await env.FILES.head(`${target.config.prefix}accounts.csv`)).not.toBeNull();
  });

  it("creates the connection in the caller's tenant whatever the body says", async () => {
    const created = await createConnection(mallory.accessToken, { tenant_id: alice.tenantId });
    const row = await env.DB.prepare("SELECT tenant_id FROM connections WHERE id = ?").bind(created.id).first();
    expect(row).toEqual({ tenant_id: mallory.tenantId });
  });
});

describe("a FileSource connection's R2 prefix", () => {
  const foreignPrefix = () => `tenants/${alice.tenantId}/connections/con_000000000000000000000000/`;

  it("cannot be pointed at another tenant's files on create", async () => {
    const res = await call(CONNECTIONS, {
      body: { system: "filesource", name: "sneaky", config: { prefix: foreignPrefix() } },
      headers: bearer(mallory.accessToken),
    });
    const problem = await expectProblem(res, 400, "validation-error");
    expect(problem.errors?.map((e) => e.path)).toEqual(["body.config.prefix"]);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM connections WHERE name = 'sneaky'").first();
    expect(count).toEqual({ n: 0 });
  });

  it("cannot be moved on update, not even to the tenant's own other connection", async () => {
    const own = await createConnection(mallory.accessToken);
    const sibling = await createConnection(mallory.accessToken);
    for (const prefix of [foreignPrefix(), sibling.config.prefix, "tenants/", ""]) {
      const res = await call(`${CONNECTIONS}/${own.id}`, { method: "PATCH", body: { config: { prefix } }, headers: bearer(mallory.accessToken) });
      await expectProblem(res, 400, "validation-error");
    }
    const row = await env.DB.prepare("SELECT config FROM connections WHERE id = ?").bind(own.id).first<{ config: string }>();
    expect(JSON.parse(row!.config).prefix).toBe(`tenants/${mallory.tenantId}/connections/${own.id}/`);
  });
});

describe("secrets", () => {
  const SECRET = "sk_live_do-not-leak-0123456789";

  it("are never returned, by create, get, list or update", async () => {
    const created = await call(CONNECTIONS, {
      body: { system: "supabase", name: `sb-${crypto.randomUUID()}`, config: { url: "https://example.supabase.co" }, secrets: { api_key: SECRET } },
      headers: bearer(alice.accessToken),
    });
    const text = await created.text();
    expect(created.status).toBe(201);
    const { id } = JSON.parse(text) as { id: string };
    const responses = [
      text,
      await (await call(`${CONNECTIONS}/${id}`, { headers: bearer(alice.accessToken) })).text(),
      await (await call(CONNECTIONS, { headers: bearer(alice.accessToken) })).text(),
      await (await call(`${CONNECTIONS}/${id}`, { method: "PATCH", body: { status: "paused" }, headers: bearer(alice.accessToken) })).text(),
    ];
    for (const body of responses) {
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain("secrets_ciphertext");
      expect(body).not.toContain("v1.");
    }
  });

  it("are never written to the logs", async () => {
    const lines: unknown[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(...args));
    }
    const created = await createConnection(alice.accessToken, { secrets: { password: SECRET } });
    await call(`${CONNECTIONS}/${created.id}`, { method: "PATCH", body: { secrets: { password: `${SECRET}-2` } }, headers: bearer(alice.accessToken) });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.map(String).join("\n")).not.toContain(SECRET);
  });

  it("are stored only as ciphertext: the raw row holds no plaintext", async () => {
    const created = await createConnection(alice.accessToken, { secrets: { password: SECRET } });
    const row = await env.DB.prepare("SELECT * FROM connections WHERE id = ?").bind(created.id).first<Record<string, unknown>>();
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(JSON.stringify(row)).not.toContain(btoa(SECRET));
    expect(row?.secrets_ciphertext).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
  });

  it("fail closed with a generic 500, logging why, when ENCRYPTION_KEY is missing or short", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const ENCRYPTION_KEY of [undefined, btoa("sixteen-byte-key")]) {
      const res = await createApp().request(
        `${API}${CONNECTIONS}`,
        {
          method: "POST",
          headers: { ...bearer(alice.accessToken), "content-type": "application/json" },
          body: JSON.stringify({ system: "filesource", name: `k-${crypto.randomUUID()}`, config: {}, secrets: { password: SECRET } }),
        },
        { ...env, ENCRYPTION_KEY },
        createExecutionContext(),
      );
      const problem = await expectProblem(res, 500, "internal");
      expect(problem.detail).not.toContain("ENCRYPTION_KEY");
    }
    const lines = logged.mock.calls.map(([line]) => String(line));
    expect(lines.filter((line) => line.includes("ENCRYPTION_KEY must be the base64 of exactly 32 random bytes"))).toHaveLength(2);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM connections WHERE name LIKE 'k-%'").first();
    expect(count).toEqual({ n: 0 });
  });
});

describe("scopes", () => {
  it("lets a key with aam:read read but not create, change, delete or test", async () => {
    const target = await createConnection(alice.accessToken);
    const { key } = await createApiKey(alice.accessToken, ["aam:read"]);
    const path = `${CONNECTIONS}/${target.id}`;
    expect((await call(path, { headers: bearer(key) })).status).toBe(200);
    expect((await call(CONNECTIONS, { headers: bearer(key) })).status).toBe(200);
    await expectProblem(await call(CONNECTIONS, { body: { system: "filesource", name: "k", config: {} }, headers: bearer(key) }), 403, "forbidden");
    await expectProblem(await call(path, { method: "PATCH", body: { status: "paused" }, headers: bearer(key) }), 403, "forbidden");
    await expectProblem(await call(path, { method: "DELETE", headers: bearer(key) }), 403, "forbidden");
    await expectProblem(await call(`${path}/test`, { method: "POST", headers: bearer(key) }), 403, "forbidden");
    expect(await (await call(path, { headers: bearer(alice.accessToken) })).json()).toEqual(target);
  });

  it("refuses even reads to a key without aam scopes", async () => {
    const target = await createConnection(alice.accessToken);
    const { key } = await createApiKey(alice.accessToken, ["dcl:read"]);
    await expectProblem(await call(`${CONNECTIONS}/${target.id}`, { headers: bearer(key) }), 403, "forbidden");
    await expectProblem(await call(CONNECTIONS, { headers: bearer(key) }), 403, "forbidden");
  });

  it("lets a key with aam:write manage connections", async () => {
    const { key } = await createApiKey(alice.accessToken, ["aam:write"]);
    const created = await createConnection(key);
    expect((await call(`${CONNECTIONS}/${created.id}`, { method: "DELETE", headers: bearer(key) })).status).toBe(204);
  });
});
