import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { tenantFeed } from "../../../durable-objects/tenant-feed";
import { ACK_WINDOW, BUFFER_SIZE, CUTOFF_CLOSE_CODE, IDLE_CLOSE_CODE, IDLE_TIMEOUT_MS } from "../../../workers/dcl/live/protocol";
import { change, connectFeed, mapped, newTenant } from "../../helpers/feeds";

const changes = (from: number, count: number) => Array.from({ length: count }, (_, i) => change(`acc_${from + i}`));

describe("TenantFeed: publishing and fan-out", () => {
  it("one publish carries both channels; each channel numbers its own messages, in order, across calls", async () => {
    const tenant = newTenant();
    const dcl = await connectFeed(tenant, { channel: "dcl" });
    const flow = await connectFeed(tenant, { channel: "live-flow" });
    const feed = tenantFeed(env, tenant);
    expect(await feed.publish({ dcl: changes(1, 3), "live-flow": [mapped(1), mapped(2)] })).toEqual({ dcl: 3, "live-flow": 2 });
    expect(await feed.publish({ dcl: changes(4, 1) })).toEqual({ dcl: 4 });
    await dcl.received(4);
    await flow.received(2);
    expect(dcl.messages).toEqual(changes(1, 4).map((c, i) => ({ type: "change", seq: i + 1, ...c })));
    expect(flow.messages).toEqual([mapped(1), mapped(2)].map((e, i) => ({ type: "flow", seq: i + 1, ...e })));
  });

  it("every socket of the channel receives the same messages", async () => {
    const tenant = newTenant();
    const clients = await Promise.all([1, 2, 3].map(() => connectFeed(tenant, { channel: "dcl" })));
    await tenantFeed(env, tenant).publish({ dcl: changes(1, 5) });
    for (const client of clients) expect((await client.received(5)).map((m) => ("seq" in m ? m.seq : 0))).toEqual([1, 2, 3, 4, 5]);
  });

  it("the seqs and the ring live in the object's SQLite, trimmed to the last BUFFER_SIZE per channel", async () => {
    const tenant = newTenant();
    const feed = tenantFeed(env, tenant);
    await feed.publish({ dcl: changes(1, BUFFER_SIZE + 5) });
    await feed.publish({ "live-flow": [mapped(1)] });
    await runInDurableObject(feed, (_, state) => {
      const seqs = state.storage.sql.exec("SELECT channel, last_seq FROM feed_seq ORDER BY channel").toArray();
      expect(seqs).toEqual([{ channel: "dcl", last_seq: BUFFER_SIZE + 5 }, { channel: "live-flow", last_seq: 1 }]);
      const ring = state.storage.sql.exec("SELECT MIN(seq) AS oldest, COUNT(*) AS n FROM feed_buffer WHERE channel = 'dcl'").one();
      expect(ring).toEqual({ oldest: 6, n: BUFFER_SIZE });
    });
  });
});

describe("TenantFeed: resuming with since", () => {
  it("a since older than the ring gets a gap message first, then everything the ring holds, then live", async () => {
    const tenant = newTenant();
    const feed = tenantFeed(env, tenant);
    await feed.publish({ dcl: changes(1, BUFFER_SIZE + 10) });
    const client = await connectFeed(tenant, { channel: "dcl", since: 3 });
    await client.received(1 + BUFFER_SIZE);
    expect(client.messages[0]).toEqual({ type: "gap", from: 4, to: 10 });
    await feed.publish({ dcl: changes(BUFFER_SIZE + 11, 1) });
    await client.sync();
    expect(client.seqs()).toEqual(Array.from({ length: BUFFER_SIZE + 1 }, (_, i) => 11 + i));
  });

  it("a since the ring still covers replays without a gap; a since at the head replays nothing", async () => {
    const tenant = newTenant();
    const feed = tenantFeed(env, tenant);
    await feed.publish({ dcl: changes(1, BUFFER_SIZE + 10) });
    const covered = await connectFeed(tenant, { channel: "dcl", since: 10 });
    await covered.sync();
    expect(covered.messages[0]).toEqual({ type: "change", seq: 11, ...change("acc_11") });
    expect(covered.messages).toHaveLength(BUFFER_SIZE);
    const atHead = await connectFeed(tenant, { channel: "dcl", since: BUFFER_SIZE + 10 });
    expect(await atHead.sync()).toEqual([]);
  });

  it("since=0 on a fresh tenant replays nothing and then goes live", async () => {
    const tenant = newTenant();
    const client = await connectFeed(tenant, { channel: "live-flow", since: 0 });
    await tenantFeed(env, tenant).publish({ "live-flow": [mapped(7)] });
    expect(await client.received(1)).toEqual([{ type: "flow", seq: 1, ...mapped(7) }]);
  });
});

describe("TenantFeed: slow consumers", () => {
  it(`a client more than ${ACK_WINDOW} messages behind is cut off, while an acking client receives everything`, async () => {
    const tenant = newTenant();
    const feed = tenantFeed(env, tenant);
    const fast = await connectFeed(tenant, { channel: "dcl" });
    const slow = await connectFeed(tenant, { channel: "dcl" });
    const batch = 50;
    const batches = ACK_WINDOW / batch + 2;
    let expected = 0;
    for (let b = 0; b < batches; b++) {
      await feed.publish({ dcl: changes(b * batch + 1, batch) });
      // ack what arrived; the subscribe round trip through the object proves the ack was processed first
      await fast.received((expected += batch));
      fast.send({ type: "ack", seq: (b + 1) * batch });
      fast.send({ type: "subscribe", entities: [] });
      await fast.received((expected += 1));
    }
    expect(fast.seqs()).toEqual(Array.from({ length: batches * batch }, (_, i) => i + 1));

    const closed = await slow.closed;
    expect(closed.code).toBe(CUTOFF_CLOSE_CODE);
    expect(slow.seqs()).toEqual(Array.from({ length: ACK_WINDOW }, (_, i) => i + 1));
    expect(slow.messages.at(-1)).toEqual({ type: "cutoff", reason: `more than ${ACK_WINDOW} messages unacknowledged`, last_sent: ACK_WINDOW });
  });

  it("a client that was cut off resumes with since= and misses nothing", async () => {
    const tenant = newTenant();
    const feed = tenantFeed(env, tenant);
    const slow = await connectFeed(tenant, { channel: "dcl" });
    await feed.publish({ dcl: changes(1, ACK_WINDOW + 20) });
    expect((await slow.closed).code).toBe(CUTOFF_CLOSE_CODE);
    const again = await connectFeed(tenant, { channel: "dcl", since: ACK_WINDOW });
    await again.sync();
    expect(again.seqs()).toEqual(Array.from({ length: 20 }, (_, i) => ACK_WINDOW + 1 + i));
  });

  it("acknowledging keeps the window open across more messages than the window", async () => {
    const tenant = newTenant();
    const feed = tenantFeed(env, tenant);
    const client = await connectFeed(tenant, { channel: "live-flow" });
    for (let round = 0; round < 3; round++) {
      await feed.publish({ "live-flow": Array.from({ length: ACK_WINDOW }, (_, i) => mapped(i)) });
      await client.received((round + 1) * ACK_WINDOW);
      client.send({ type: "ack", seq: (round + 1) * ACK_WINDOW });
      client.send({ type: "subscribe", entities: [] }); // answered with an error on /live-flow: still a round trip
      await client.received((round + 1) * ACK_WINDOW + round + 1);
    }
    expect(client.seqs()).toHaveLength(3 * ACK_WINDOW);
    expect(client.messages.some((m) => m.type === "cutoff")).toBe(false);
  });
});

describe("TenantFeed: heartbeats and idle sockets", () => {
  it("connecting arms the heartbeat alarm; the alarm sends each channel's latest seq and re-arms", async () => {
    const tenant = newTenant();
    const feed = tenantFeed(env, tenant);
    const dcl = await connectFeed(tenant, { channel: "dcl" });
    const flow = await connectFeed(tenant, { channel: "live-flow" });
    await feed.publish({ dcl: changes(1, 2) });
    expect(await runInDurableObject(feed, (_, state) => state.storage.getAlarm())).not.toBeNull();
    expect(await runDurableObjectAlarm(feed)).toBe(true);
    expect((await dcl.received(3))[2]).toEqual({ type: "heartbeat", seq: 2 });
    expect(await flow.received(1)).toEqual([{ type: "heartbeat", seq: 0 }]);
    expect(await runInDurableObject(feed, (_, state) => state.storage.getAlarm())).not.toBeNull();
  });

  it("a socket that showed no life for IDLE_TIMEOUT_MS is closed; a live one gets heartbeats", async () => {
    const tenant = newTenant();
    const feed = tenantFeed(env, tenant);
    const client = await connectFeed(tenant, { channel: "dcl" });
    await runInDurableObject(feed, (instance) => instance.heartbeat(Date.now()));
    expect(await client.received(1)).toEqual([{ type: "heartbeat", seq: 0 }]);
    await runInDurableObject(feed, (instance) => instance.heartbeat(Date.now() + IDLE_TIMEOUT_MS + 1));
    expect((await client.closed).code).toBe(IDLE_CLOSE_CODE);
  });

  it("ping is answered with pong by the runtime", async () => {
    const client = await connectFeed(newTenant(), { channel: "dcl" });
    expect(await client.sync()).toEqual([]); // sync() waits for the pong
  });
});
