import { describe, expect, it } from "vitest";
import type { ProblemError } from "../../../../workers/gateway/problem";
import { encodeCursor } from "../../../../workers/aam/connectors/supabase/cursor";
import { Supabase } from "../../../../workers/aam/connectors/supabase";
import { connector, project, readAll, signKey } from "./helpers";
import { problemOf } from "../../../helpers/problems";

/** PostgREST straight through the gateway, as any client with that key would call it. */
async function rowsWith(key: string, table: string): Promise<unknown> {
  const headers: Record<string, string> = key.startsWith("sb_") ? { apikey: key } : { apikey: key, authorization: `Bearer ${key}` };
  return (await fetch(`${project.url}/rest/v1/${table}?select=id`, { headers })).json();
}

const expectSecretAbsent = (problem: ProblemError, key: string) => {
  expect(problem.message).not.toContain(key);
  expect(JSON.stringify(problem.extras)).not.toContain(key);
};

describe("row-level security", () => {
  it("shows the anon and publishable keys no rows, where the service key sees them all", async () => {
    expect(await rowsWith(project.anon_key, "companies")).toEqual([]);
    expect(await rowsWith(project.publishable_key, "companies")).toEqual([]);
    expect(await rowsWith(project.service_role_key, "companies")).toHaveLength(project.max_rows);
  });

  it("so the connector refuses those keys as the wrong credentials, instead of syncing an empty project", async () => {
    for (const key of [project.anon_key, project.publishable_key]) {
      const source = connector({}, key);
      const problem = await problemOf(source.read("companies", null));
      expect(problem.kind).toBe("source-credentials-rejected");
      expect(problem.message).toMatch(/anon or publishable key.*sb_secret_/);
      expectSecretAbsent(problem, key);
      expect(await source.check()).toMatchObject({ ok: false, state: "bad-credentials", detail: expect.stringMatching(/anon or publishable key/) });
    }
  });

  it("lets a signed-in user's key read only what its policies allow (companies, not people)", async () => {
    const source = connector({}, await signKey({ role: "authenticated", sub: "user-1" }));
    expect((await readAll(source, "companies")).records).toHaveLength(120);
    expect((await readAll(source, "people")).records).toEqual([]);
  });
});

describe("a signed-in user's key (authenticated role) in the crm schema", () => {
  const userKey = (sub: string) => signKey({ role: "authenticated", sub });

  it("reads only the rows its policy allows: the companies it owns", async () => {
    // by id: the sync tests rename a company of user-a's meanwhile
    const owned = async (sub: string) => (await readAll(connector({ schema: "crm" }, await userKey(sub)), "companies")).records.map((r) => r.record_id).sort();
    expect(await owned("user-a")).toEqual(["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"]);
    expect(await owned("user-b")).toEqual(["00000000-0000-4000-8000-000000000003", "00000000-0000-4000-8000-000000000004"]);
    expect(await owned("user-c")).toEqual([]);
  });

  it("a table it holds no privilege on is source-permission-denied, on read and on discovering it", async () => {
    const source = connector({ schema: "crm", tables: ["companies", "people"] }, await userKey("user-a"));
    const read = await problemOf(source.read("people", null));
    expect(read.kind).toBe("source-permission-denied");
    expect(read.message).toMatch(/^Supabase missing-permission: permission denied for table people \(42501\)/);
    expect((await problemOf(source.discover())).kind).toBe("source-permission-denied");
  });
});

describe("bad credentials", () => {
  it("a service_role JWT signed with another secret is refused (PGRST301): source-credentials-rejected, unhealthy", async () => {
    const forged = await signKey({ role: "service_role" }, "not-the-project-secret-0123456789abcdef");
    const source = connector({}, forged);
    const problem = await problemOf(source.read("companies", null));
    expect(problem.kind).toBe("source-credentials-rejected");
    expect(problem.message).toMatch(/^Supabase bad-credentials: .*\(PGRST301\)/);
    expectSecretAbsent(problem, forged);
    expect(await source.check()).toMatchObject({ ok: false, state: "bad-credentials", detail: expect.stringMatching(/^Supabase bad-credentials/) });
  });

  it("an expired service_role key is refused", async () => {
    const expired = await signKey({ role: "service_role" }, project.jwt_secret, Math.floor(Date.now() / 1000) - 60);
    const problem = await problemOf(connector({}, expired).read("companies", null));
    expect(problem.kind).toBe("source-credentials-rejected");
    expect(problem.message).toMatch(/expired/i);
  });

  it("an unknown sb_secret_ key is refused by the gateway", async () => {
    const unknown = "sb_secret_NotThisProjects0123456789abcdef";
    const problem = await problemOf(connector({}, unknown).discover());
    expect(problem.kind).toBe("source-credentials-rejected");
    expect(problem.message).toMatch(/^Supabase bad-credentials: Invalid API key/);
    expectSecretAbsent(problem, unknown);
  });

  it("a key that is neither kind is refused before any request is sent", async () => {
    let sent = 0;
    const source = new Supabase({ url: project.url }, { api_key: "definitely-not-a-key" }, (request) => {
      sent += 1;
      return fetch(request);
    });
    const problem = await problemOf(source.discover());
    expect(problem.kind).toBe("source-credentials-rejected");
    expectSecretAbsent(problem, "definitely-not-a-key");
    expect(await source.check()).toMatchObject({ ok: false, state: "bad-credentials" });
    expect(sent).toBe(0);
  });
});

describe("values from outside cannot widen a request", () => {
  it("a record id carrying PostgREST syntax matches no row and changes nothing", async () => {
    const before = (await readAll(connector(), "people")).records;
    for (const record_id of ["00000000-0000-0000-0000-000000000000&id=not.is.null", "x,id.not.is.null", "not.is.null"]) {
      const write = connector().write({ object: "people", op: "upsert", record_id, data: { first_name: "Everyone" }, idempotency_key: "k" });
      expect((await problemOf(write)).kind).toBe("validation-error");
    }
    expect((await readAll(connector(), "people")).records).toEqual(before);
  });

  it("a cursor value carrying filter syntax stays one literal", async () => {
    const cursor = encodeCursor({ at: '2024-01-01"),id.not.is.null,and(id.eq."x', id: "x" });
    expect((await problemOf(connector().read("companies", cursor))).kind).toBe("validation-error");
  });

  it("a table name carrying a query string names no table", async () => {
    expect((await problemOf(connector().read("companies?select=id&limit=1", null))).kind).toBe("source-schema-changed");
  });
});
