/** A Supabase connection whose key cannot sync: the connection's test route says why, as a result, not an error. */
import { describe, expect, it } from "vitest";
import { HealthCheckSchema } from "../../../../../workers/aam/connectors/connector";
import { bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call, expectProblem } from "../../../../helpers/http";
import { project, signKey, throttle } from "../helpers";

const owner = await signUp();

const supabaseConnection = (apiKey: string, config: Record<string, unknown> = {}) =>
  createConnection(owner.accessToken, { system: "supabase", name: `sb-${crypto.randomUUID()}`, config: { url: project.url, ...config }, secrets: { api_key: apiKey } });

async function testConnection(apiKey: string, url = project.url) {
  const connection = await supabaseConnection(apiKey, { url });
  const res = await call(`${CONNECTIONS}/${connection.id}/test`, { method: "POST", headers: bearer(owner.accessToken) });
  expect(res.status, await res.clone().text()).toBe(200);
  return HealthCheckSchema.parse(await res.json());
}

describe("POST /connections/{id}/test for Supabase", () => {
  it("is ok with the secret key", async () => {
    expect(await testConnection(project.secret_key)).toMatchObject({ ok: true, state: "ok", detail: "4 tables visible" });
  });

  it.each([
    ["the anon key", () => project.anon_key, /^The Supabase API key is the project's anon or publishable key/],
    ["an unknown secret key", () => "sb_secret_Unknown0123456789abcdefghij", /^Supabase bad-credentials: Invalid API key/],
    ["a key that is no key", () => "not-a-key", /^The Supabase API key is neither/],
  ])("answers ok: false, bad-credentials, with the reason for %s", async (_, key, reason) => {
    expect(await testConnection(key())).toMatchObject({ ok: false, state: "bad-credentials", detail: expect.stringMatching(reason) });
  });

  it("answers ok: false, unreachable, when the project cannot be reached", async () => {
    expect(await testConnection(project.secret_key, "http://127.0.0.1:1")).toMatchObject({ ok: false, state: "unreachable", detail: expect.stringMatching(/^Supabase unreachable/) });
  });

  it("answers ok: false, quota-reached, while Supabase's gateway rate-limits the key", async () => {
    const key = await signKey({ role: "service_role", jti: crypto.randomUUID() });
    await throttle(key, 1, 7);
    expect(await testConnection(key)).toMatchObject({ ok: false, state: "quota-reached", detail: expect.stringMatching(/^Supabase quota-reached/) });
  });
});

describe("POST /connections/{id}/sync for Supabase", () => {
  it("answers the source's refusal as source-credentials-rejected (424), never as the caller's own 401", async () => {
    const connection = await supabaseConnection("sb_secret_Unknown0123456789abcdefghij");
    const res = await call(`${CONNECTIONS}/${connection.id}/sync`, { method: "POST", headers: bearer(owner.accessToken) });
    await expectProblem(res, 424, "source-credentials-rejected");
  });
});
