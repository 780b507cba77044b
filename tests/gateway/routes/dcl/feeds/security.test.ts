import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { change, mapped, openFeed, publish, upgradeHeaders } from "../../../../helpers/feeds";
import { SignJWT } from "jose";
import { FEED_PROTOCOL } from "../../../../../workers/dcl/live/protocol";

const upgrade = (path: string, headers: Record<string, string> = {}) => call(path, { headers: upgradeHeaders(headers) });

describe("GET /dcl and /live-flow: who may listen", () => {
  it.each(["/dcl", "/live-flow"])("%s without a credential is 401 with a bare challenge", async (path) => {
    const res = await upgrade(path);
    await expectProblem(res, 401, "unauthorized");
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="autonomos"');
  });

  it("an invalid token, in either place, is 401 invalid-token", async () => {
    await expectProblem(await upgrade("/dcl", bearer("not-a-jwt")), 401, "invalid-token");
    await expectProblem(await upgrade("/dcl", { "sec-websocket-protocol": `${FEED_PROTOCOL}, bearer.not-a-jwt` }), 401, "invalid-token");
    await expectProblem(await upgrade("/dcl", { "sec-websocket-protocol": `${FEED_PROTOCOL}, bearer.` }), 401, "invalid-token");
  });

  it("an expired access token is 401", async () => {
    const { tenantId, userId } = await signUp();
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ tid: tenantId, plan: "free", role: "admin" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setSubject(userId)
      .setJti(crypto.randomUUID())
      .setIssuedAt(now - 1000)
      .setNotBefore(now - 1000)
      .setExpirationTime(now - 10)
      .sign(new TextEncoder().encode(env.JWT_SECRET));
    const problem = await expectProblem(await upgrade("/dcl", { "sec-websocket-protocol": `${FEED_PROTOCOL}, bearer.${expired}` }), 401, "invalid-token");
    expect(problem.detail).toBe("The access token has expired");
  });

  it("a token in the URL is never read", async () => {
    const { accessToken } = await signUp();
    await expectProblem(await upgrade(`/dcl?access_token=${accessToken}`), 401, "unauthorized");
    await expectProblem(await upgrade(`/dcl?token=${accessToken}`), 401, "unauthorized");
  });

  it("the subprotocol credential counts only on a WebSocket upgrade", async () => {
    const { accessToken } = await signUp();
    const res = await call("/api/v1/aam/runs", { headers: { "sec-websocket-protocol": `${FEED_PROTOCOL}, bearer.${accessToken}` } });
    await expectProblem(res, 401, "unauthorized");
  });

  it("/dcl needs dcl:read and /live-flow aam:read", async () => {
    const { accessToken } = await signUp();
    const flowOnly = await createApiKey(accessToken, ["aam:read"]);
    const dclOnly = await createApiKey(accessToken, ["dcl:read"]);
    expect((await expectProblem(await upgrade("/dcl", bearer(flowOnly.key)), 403, "forbidden")).detail).toContain("dcl:read");
    expect((await expectProblem(await upgrade("/live-flow", bearer(dclOnly.key)), 403, "forbidden")).detail).toContain("aam:read");
    expect((await upgrade("/dcl", bearer(dclOnly.key))).status).toBe(101);
    expect((await upgrade("/live-flow", bearer(flowOnly.key))).status).toBe(101);
  });

  it("tenant B never receives tenant A's messages, on either channel", async () => {
    const a = await signUp();
    const b = await signUp();
    const aDcl = (await openFeed("/dcl", bearer(a.accessToken))).client;
    const bDcl = (await openFeed("/dcl", bearer(b.accessToken))).client;
    const bFlow = (await openFeed("/live-flow", bearer(b.accessToken))).client;
    await publish(a.tenantId, { dcl: [change("secret")], "live-flow": [mapped(1)] });
    await aDcl.received(1);
    expect(await bDcl.sync()).toEqual([]);
    expect(await bFlow.sync()).toEqual([]);
    // and B's own seqs start at 1: A's traffic does not show through them either
    await publish(b.tenantId, { dcl: [change("mine")] });
    expect(await bDcl.received(1)).toEqual([{ type: "change", seq: 1, ...change("mine") }]);
  });

  it("resuming with since= replays only the caller's own tenant's buffer", async () => {
    const a = await signUp();
    const b = await signUp();
    await publish(a.tenantId, { dcl: [change("a1"), change("a2")] });
    const { client } = await openFeed("/dcl?since=0", bearer(b.accessToken));
    expect(await client.sync()).toEqual([]);
  });

  it("the response never echoes the credential", async () => {
    const { accessToken } = await signUp();
    const { res } = await openFeed("/dcl", { "sec-websocket-protocol": `bearer.${accessToken}, ${FEED_PROTOCOL}` });
    for (const [, value] of res.headers) expect(value).not.toContain(accessToken);
  });
});
