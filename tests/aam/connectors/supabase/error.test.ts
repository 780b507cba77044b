import { describe, expect, it } from "vitest";
import { Supabase } from "../../../../workers/aam/connectors/supabase";
import { encodeCursor } from "../../../../workers/aam/connectors/supabase/cursor";
import { retryAfterSeconds, supabaseProblem } from "../../../../workers/aam/connectors/supabase/errors";
import { problemKinds } from "../../../../workers/gateway/problem";
import { connector, project, readAll, signKey, throttle } from "./helpers";
import { problemOf, problemOfSync } from "../../../helpers/problems";

const change = (data: Record<string, unknown>, record_id?: string, object = "people") => ({
  object,
  op: "upsert" as const,
  data,
  idempotency_key: "k",
  ...(record_id === undefined ? {} : { record_id }),
});

describe("PostgREST's errors, mapped by status and code (real responses)", () => {
  it("a table that is not there is schema drift (source-schema-changed), naming PostgREST's code", async () => {
    const problem = await problemOf(connector().read("accounts", null));
    expect(problem.kind).toBe("source-schema-changed");
    expect(problem.message).toMatch(/^Supabase schema-drift: .*accounts.* \((42P01|PGRST205)\)/);
  });

  it("a cursor column the table does not have is schema drift too", async () => {
    const problem = await problemOf(connector({ cursor_column: "modified_at" }).read("companies", null));
    expect(problem.kind).toBe("source-schema-changed");
    expect(problem.message).toMatch(/^Supabase schema-drift: .*modified_at.* \(42703\)/);
  });

  it("writing a column the table does not have is schema drift (PGRST204)", async () => {
    const { records } = await readAll(connector(), "people");
    const problem = await problemOf(connector().write(change({ nickname: "x" }, records[0]?.record_id)));
    expect(problem.kind).toBe("source-schema-changed");
    expect(problem.message).toMatch(/^Supabase schema-drift: .*nickname.*\(PGRST204\)/);
  });

  it("a value PostgreSQL cannot take is an invalid request (22xxx)", async () => {
    const { records } = await readAll(connector(), "deals");
    const problem = await problemOf(connector().write(change({ amount: "lots" }, records[0]?.record_id, "deals")));
    expect(problem.kind).toBe("validation-error");
    expect(problem.message).toMatch(/^Supabase invalid-request: .*lots.* \(22P02\)/);
  });

  it("a configured table the API does not describe is schema drift, found when the sync discovers its tables", async () => {
    const problem = await problemOf(connector({ tables: ["companies", "accounts"] }).discover());
    expect(problem.kind).toBe("source-schema-changed");
    expect(problem.message).toMatch(/^Supabase schema-drift: .*accounts.* \((42P01|PGRST205)\)/);
  });

  it("a unique violation is a conflict (409, 23505), which the pipeline retries rather than dropping", async () => {
    const { records } = await readAll(connector(), "people");
    const [first, second] = records;
    const problem = await problemOf(connector().write(change({ email: second?.data.email }, first?.record_id)));
    expect(problem.kind).toBe("conflict");
    expect(problem.message).toMatch(/^Supabase conflict: .* \(23505\)/);
  });

  it("updating a row that does not exist is not-found, and changes nothing", async () => {
    const before = await readAll(connector(), "people");
    const problem = await problemOf(connector().write(change({ first_name: "Ghost" }, "00000000-0000-0000-0000-000000000000")));
    expect(problem.kind).toBe("not-found");
    expect((await readAll(connector(), "people")).records).toEqual(before.records);
  });
});

describe("responses PostgREST here cannot be made to give (recorded bodies)", () => {
  it.each([
    [503, { code: "PGRST001", details: "connection refused", hint: null, message: "Database client error. Retrying the connection." }, "source-unreachable", "unreachable"],
    [500, { code: "53300", details: null, hint: null, message: "sorry, too many clients already" }, "source-quota-reached", "quota-reached"],
    [403, { code: "42501", details: null, hint: null, message: "permission denied for table companies" }, "source-permission-denied", "missing-permission"],
    // PostgREST answers a privilege the anon role lacks with 401: still a permission, not the key
    [401, { code: "42501", details: null, hint: null, message: "permission denied for table companies" }, "source-permission-denied", "missing-permission"],
    [401, { code: "PGRST301", details: null, hint: null, message: "JWT expired" }, "source-credentials-rejected", "bad-credentials"],
    [502, "<html>Bad gateway</html>", "source-unreachable", "unreachable"],
  ] as const)("HTTP %i %j → %s (%s)", (status, body, kind, state) => {
    const problem = supabaseProblem(status, body, null);
    expect(problem.kind).toBe(kind);
    expect(problem.message.startsWith(`Supabase ${state}: `)).toBe(true);
    // a source's 401/403 is never the platform's own auth failing
    expect(problemKinds[problem.kind].status).not.toBeOneOf([401, 403]);
  });

  it("reads Retry-After as delta-seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterSeconds("30", now)).toBe(30);
    expect(retryAfterSeconds("0", now)).toBe(0);
    expect(retryAfterSeconds("Thu, 01 Jan 2026 00:01:30 GMT", now)).toBe(90);
    expect(retryAfterSeconds("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(retryAfterSeconds("soon", now)).toBeUndefined();
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    const dated = supabaseProblem(503, {}, new Date(Date.now() + 120_000).toUTCString());
    expect(Number(dated.extras.headers?.["retry-after"])).toBeGreaterThanOrEqual(118);
    expect(Number(dated.extras.headers?.["retry-after"])).toBeLessThanOrEqual(120);
  });
});

describe("Supabase's gateway rate limit (429, Retry-After)", () => {
  it("is source-quota-reached with the gateway's Retry-After, on read, discover and check", async () => {
    // a key of this test's own: the stand-in gateway throttles by key, and other files share it
    const key = await signKey({ role: "service_role", jti: crypto.randomUUID() });
    await throttle(key, 3, 7);
    const source = connector({}, key);
    const read = await problemOf(source.read("companies", null));
    expect(read).toMatchObject({ kind: "source-quota-reached", message: expect.stringMatching(/^Supabase quota-reached: API rate limit exceeded/) });
    expect(read.extras.headers).toEqual({ "retry-after": "7" });
    expect((await problemOf(source.discover())).extras.headers).toEqual({ "retry-after": "7" });
    expect(await source.check()).toMatchObject({ ok: false, state: "quota-reached" });
    // the allowance is spent: the same key reads again
    expect((await source.read("companies", null)).records).toHaveLength(project.max_rows);
  });
});

describe("requests the connector refuses before asking", () => {
  it("a cursor that is not one of ours", async () => {
    expect((await problemOf(connector().read("companies", "bm90LWEtY3Vyc29y"))).kind).toBe("validation-error");
  });

  it("a cursor whose position PostgreSQL cannot read is an invalid request, not a crash", async () => {
    const cursor = encodeCursor({ at: "yesterday-ish", id: "x" });
    const problem = await problemOf(connector().read("companies", cursor));
    expect(problem.kind).toBe("validation-error");
    expect(problem.message).toMatch(/^Supabase invalid-request: .*yesterday-ish.* \(22007\)/);
  });

  it("write-back without a record id, or a delete", async () => {
    expect((await problemOf(connector().write(change({ first_name: "x" })))).kind).toBe("validation-error");
    const deletion = { ...change({}, "1"), op: "delete" as const };
    expect((await problemOf(connector().write(deletion))).kind).toBe("method-not-allowed");
  });

  it("a config without a project URL, or a connection without its key", () => {
    expect(problemOfSync(() => new Supabase({}, { api_key: project.secret_key })).kind).toBe("validation-error");
    const noKey = problemOfSync(() => new Supabase({ url: project.url }, null));
    expect(noKey).toMatchObject({ kind: "validation-error", message: expect.stringContaining("secrets.api_key") });
  });
});

describe("an unreachable project", () => {
  it("is unhealthy on check and source-unreachable (retried) on read", async () => {
    // nothing listens on port 1
    const source = connector({ url: "http://127.0.0.1:1" });
    const health = await source.check();
    expect(health).toMatchObject({ ok: false, state: "unreachable" });
    expect(health.detail).toMatch(/^Supabase unreachable: /);
    expect((await problemOf(source.read("companies", null))).kind).toBe("source-unreachable");
  });

  it("a URL that answers, but not like a Supabase project, is unreachable too", async () => {
    const source = new Supabase({ url: "https://not-supabase.test" }, { api_key: project.secret_key }, async () => Response.json({ hello: "world" }));
    expect(await source.check()).toMatchObject({ ok: false, state: "unreachable", detail: expect.stringMatching(/does not answer like a Supabase project/) });
  });
});
