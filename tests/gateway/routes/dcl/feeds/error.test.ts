import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { openFeed, upgradeHeaders } from "../../../../helpers/feeds";

describe("GET /dcl and /live-flow: refused upgrades and bad client messages", () => {
  it("a plain GET is 426 Upgrade Required, naming the protocol", async () => {
    const { accessToken } = await signUp();
    const res = await call("/dcl", { headers: bearer(accessToken) });
    await expectProblem(res, 426, "upgrade-required");
    expect(res.headers.get("upgrade")).toBe("websocket");
  });

  it.each(["since=-1", "since=abc", "since=1.5", "entities=invoice", "entities=account,,contact"])(
    "/dcl?%s is a validation error",
    async (query) => {
      const { accessToken } = await signUp();
      const problem = await expectProblem(await call(`/dcl?${query}`, { headers: upgradeHeaders(bearer(accessToken)) }), 400, "validation-error");
      expect(problem.errors?.[0]?.path).toMatch(/^query\.(since|entities)/);
    },
  );

  it("offering subprotocols without autonomos.v1 is refused (the server could not answer one of them)", async () => {
    const { accessToken } = await signUp();
    const res = await call("/live-flow", { headers: upgradeHeaders({ ...bearer(accessToken), "sec-websocket-protocol": "chat.v2" }) });
    const problem = await expectProblem(res, 400, "validation-error");
    expect(problem.detail).toContain("autonomos.v1");
  });

  it("a message that is not JSON, or not a known message, gets an error reply and the socket stays open", async () => {
    const { accessToken } = await signUp();
    const { client } = await openFeed("/dcl", bearer(accessToken));
    client.send("hello");
    client.send(JSON.stringify({ type: "unsubscribe" }));
    client.send({ type: "subscribe", entities: ["invoice" as "account"] });
    await client.received(3);
    expect(client.messages).toEqual([
      { type: "error", detail: "Messages must be JSON" },
      { type: "error", detail: "Unknown message; expected subscribe or ack" },
      { type: "error", detail: "Unknown message; expected subscribe or ack" },
    ]);
    client.send({ type: "subscribe", entities: ["account"] });
    expect((await client.received(4))[3]).toEqual({ type: "subscribed", entities: ["account"] });
  });

  it("/live-flow has no entity subscriptions", async () => {
    const { accessToken } = await signUp();
    const { client } = await openFeed("/live-flow", bearer(accessToken));
    client.send({ type: "subscribe", entities: ["account"] });
    expect(await client.received(1)).toEqual([{ type: "error", detail: "Only /dcl has entity subscriptions" }]);
  });
});
