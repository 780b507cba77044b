import { describe, expect, it } from "vitest";
import { randomHex } from "../../../../workers/platform/ids";
import { ProblemError } from "../../../../workers/gateway/problem";
import { expectProblem } from "../../../helpers/http";
import { as, gateApp, newPrincipal } from "../../../helpers/gate-app";

let executed = 0;
let failing = true;
/** Lets a test hold the handler in flight: `entered` resolves when it starts, it finishes when `finish` is called. */
let held: { entered: () => void; proceed: Promise<void> } | undefined;

const request = gateApp((app) => {
  app.post("/things", async (c) => {
    executed += 1;
    if (held !== undefined) {
      held.entered();
      await held.proceed;
    }
    return c.json({ n: executed, received: await c.req.json() }, 201);
  });
  app.post("/flaky", (c) => {
    executed += 1;
    if (failing) throw new Error("downstream unavailable");
    return c.json({ n: executed }, 201);
  });
  app.post("/taken", () => {
    executed += 1;
    throw new ProblemError("conflict", "That name is taken");
  });
});

const caller = as(newPrincipal());

function post(path: string, key: string, body: unknown = {}): Promise<Response> {
  return request(path, {
    method: "POST",
    headers: { ...caller, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });
}

describe("idempotency: conflicting and failed requests", () => {
  it("the same key with a different body → 422, without running the handler", async () => {
    const key = randomHex(16);
    await post("/things", key, { name: "alpha" });
    const before = executed;
    await expectProblem(await post("/things", key, { name: "omega" }), 422, "idempotency-key-reused");
    expect(executed).toBe(before);
  });

  it("the same key on another path or query → 422", async () => {
    const key = randomHex(16);
    await post("/things", key, { name: "alpha" });
    await expectProblem(await post("/things?dry_run=true", key, { name: "alpha" }), 422, "idempotency-key-reused");
    await expectProblem(await post("/flaky", key, { name: "alpha" }), 422, "idempotency-key-reused");
  });

  it("a duplicate while the first is in flight → 409; the first still completes and is replayed after", async () => {
    const key = randomHex(16);
    let entered!: () => void;
    let finish!: () => void;
    const started = new Promise<void>((resolve) => (entered = resolve));
    held = { entered, proceed: new Promise<void>((resolve) => (finish = resolve)) };
    const first = post("/things", key, { name: "beta" });
    await started;
    held = undefined;
    await expectProblem(await post("/things", key, { name: "beta" }), 409, "idempotency-in-flight");
    await expectProblem(await post("/things", key, { name: "other" }), 422, "idempotency-key-reused");
    finish();
    expect((await first).status).toBe(201);
    expect((await post("/things", key, { name: "beta" })).headers.get("Idempotent-Replayed")).toBe("true");
  });

  it("a 5xx is not stored: the retry executes again, and its success is what gets replayed", async () => {
    const key = randomHex(16);
    const before = executed;
    failing = true;
    await expectProblem(await post("/flaky", key), 500, "internal");
    failing = false;
    const retry = await post("/flaky", key);
    expect(retry.status).toBe(201);
    expect(retry.headers.has("Idempotent-Replayed")).toBe(false);
    const replay = await post("/flaky", key);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await replay.json()).toEqual({ n: before + 2 });
    expect(executed - before).toBe(2);
  });

  it("a 4xx is the request's outcome: stored and replayed", async () => {
    const key = randomHex(16);
    const first = await post("/taken", key);
    const problem = await expectProblem(first, 409, "conflict");
    const before = executed;
    const replay = await post("/taken", key);
    expect(replay.status).toBe(409);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(replay.headers.get("content-type")).toBe("application/problem+json");
    // The replayed body is the original, pointing at the trace that executed it.
    expect(await replay.json()).toEqual(problem);
    expect(executed).toBe(before);
  });

  it.each([
    ["empty", ""],
    ["longer than 255 characters", "k".repeat(256)],
    ["not ASCII", "clé"],
    ["not printable", "key\u007f"],
  ])("rejects a key that is %s with a field issue, without running the handler", async (_, key) => {
    const before = executed;
    const problem = await expectProblem(await post("/things", key, { name: "gamma" }), 400, "validation-error");
    expect(problem.errors?.map((e) => e.path)).toEqual(["header.idempotency-key"]);
    expect(executed).toBe(before);
  });
});
