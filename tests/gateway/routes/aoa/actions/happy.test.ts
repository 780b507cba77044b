import { describe, expect, it } from "vitest";
import { ActionPoliciesSchema } from "../../../../../workers/gateway/routes/aoa/policies/get";
import { ActionPageSchema } from "../../../../../workers/gateway/routes/aoa/actions/list";
import { AlertPageSchema } from "../../../../../workers/gateway/routes/aoa/alerts/list";
import { SubAccountTagListSchema } from "../../../../../workers/gateway/routes/aoa/sub-accounts/tags";
import { DryRunSchema } from "../../../../../workers/gateway/routes/aoa/actions/submit";
import { ActionSchema } from "../../../../../workers/aoa/actions/types";
import { bearer, signUp } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { openFeed } from "../../../../helpers/feeds";
import { ACTIONS, ALERTS, POLICIES, TAGS, alertRequest, decide, propose, tagRequest } from "./helpers";

const admin = await signUp();
const asAdmin = bearer(admin.accessToken);

const alerts = async (headers = asAdmin) => AlertPageSchema.parse(await (await call(ALERTS, { headers })).json()).items;
const tags = async (headers = asAdmin) => SubAccountTagListSchema.parse(await (await call(TAGS, { headers })).json()).items;

describe("POST /api/v1/aoa/actions: auto actions", () => {
  it("an alert.create runs at once (policy auto): the action succeeded and the alert is listed", async () => {
    const request = alertRequest();
    const { res, action } = await propose(asAdmin, request);
    expect(res.status).toBe(201);
    expect(action).toMatchObject({
      type: "alert.create",
      status: "succeeded",
      policy: "auto",
      actor: { type: "user", id: admin.userId },
      idempotency_key: request.idempotency_key,
      attempts: 1,
      error: null,
      decided_by: null,
      trace_id: res.headers.get("x-trace-id"),
      plan: { kind: "alert", alert: { ...request.params, target: request.target } },
    });
    const alert = (await alerts()).find((a) => a.action_id === action!.id);
    expect(alert).toEqual({ id: expect.stringMatching(/^alr_/), action_id: action!.id, ...request.params, target: request.target, created_at: expect.any(String) });
    expect(action!.result).toEqual({ kind: "alert", alert_id: alert!.id });
    const got = ActionSchema.parse(await (await call(`${ACTIONS}/${action!.id}`, { headers: asAdmin })).json());
    expect(got).toEqual(action);
  });

  it("the same idempotency_key twice: one action, one execution; the second answer is a 200 replay", async () => {
    const request = alertRequest();
    const first = await propose(asAdmin, request);
    const second = await propose(asAdmin, request);
    expect([first.res.status, second.res.status]).toEqual([201, 200]);
    expect(second.res.headers.get("Idempotent-Replayed")).toBe("true");
    expect(second.action).toEqual(first.action);
    expect((await alerts()).filter((a) => a.action_id === first.action!.id)).toHaveLength(1);
    const page = ActionPageSchema.parse(await (await call(`${ACTIONS}?type=alert.create&limit=200`, { headers: asAdmin })).json());
    expect(page.items.filter((a) => a.idempotency_key === request.idempotency_key)).toHaveLength(1);
  });

  it("a dry run answers the plan and stores, executes and writes nothing", async () => {
    const tenant = await signUp();
    const headers = bearer(tenant.accessToken);
    await propose(headers, tagRequest({ team: "data" }, { idempotency_key: "seed" }));
    const dryTag = await call(ACTIONS, { headers, body: { ...tagRequest({ team: "finops", env: "prod" }), dry_run: true } });
    expect(dryTag.status).toBe(200);
    expect(DryRunSchema.parse(await dryTag.json())).toEqual({
      dry_run: true,
      plan: { kind: "sub_account_tags", provider_name: "AWS", sub_account_id: "123456789012", tags: { team: "finops", env: "prod" }, current: {}, merged: { team: "finops", env: "prod" } },
    });
    const dryAlert = await call(ACTIONS, { headers, body: { ...alertRequest(), dry_run: true } });
    expect(DryRunSchema.parse(await dryAlert.json()).plan.kind).toBe("alert");
    const page = ActionPageSchema.parse(await (await call(ACTIONS, { headers })).json());
    expect(page.items.map((a) => a.idempotency_key)).toEqual(["seed"]);
    expect(await alerts(headers)).toEqual([]);
    expect(await tags(headers)).toEqual([]);
  });

  it("every status an action enters is published on /live-flow", async () => {
    const tenant = await signUp();
    const headers = bearer(tenant.accessToken);
    const { client } = await openFeed("/live-flow", headers);
    const { action, res } = await propose(headers, alertRequest());
    const traceId = res.headers.get("x-trace-id");
    const events = await client.received(2);
    expect(events).toEqual([
      { type: "flow", seq: 1, stage: "action", action_id: action!.id, action_type: "alert.create", status: "executing", trace_id: traceId, at: expect.any(String) },
      { type: "flow", seq: 2, stage: "action", action_id: action!.id, action_type: "alert.create", status: "succeeded", trace_id: traceId, at: action!.updated_at },
    ]);
  });
});

describe("held actions: approve and reject", () => {
  it("a sub_account.tag is held (policy approval); approving runs it and merges the tags into the registry", async () => {
    const tenant = await signUp();
    const headers = bearer(tenant.accessToken);
    const held = await propose(headers, tagRequest({ team: "data", env: "dev" }));
    expect(held.res.status).toBe(201);
    expect(held.action).toMatchObject({ status: "pending_approval", policy: "approval", attempts: 0, result: null });
    expect(await tags(headers)).toEqual([]);

    const approved = ActionSchema.parse(await (await decide(headers, held.action!.id, "approve")).json());
    expect(approved).toMatchObject({ status: "succeeded", attempts: 1, decided_by: tenant.userId, result: { kind: "sub_account_tags", tags: { team: "data", env: "dev" } } });
    expect(approved.decided_at).not.toBeNull();

    // a second action: new keys added, an existing key replaced, the others kept
    const second = await propose(headers, tagRequest({ env: "prod", owner: "ana" }));
    expect(second.action!.plan).toMatchObject({ current: { team: "data", env: "dev" }, merged: { team: "data", env: "prod", owner: "ana" } });
    await decide(headers, second.action!.id, "approve");
    expect(await tags(headers)).toEqual([
      { provider_name: "AWS", sub_account_id: "123456789012", tags: { team: "data", env: "prod", owner: "ana" }, action_id: second.action!.id, updated_at: expect.any(String) },
    ]);
  });

  it("a rejected action never runs, keeps the reason, and cannot be approved afterwards", async () => {
    const tenant = await signUp();
    const headers = bearer(tenant.accessToken);
    const held = await propose(headers, tagRequest({ team: "data" }));
    const res = await decide(headers, held.action!.id, "reject", { reason: "wrong owner" });
    expect(res.status).toBe(200);
    expect(ActionSchema.parse(await res.json())).toMatchObject({ status: "rejected", decided_by: tenant.userId, decision_reason: "wrong owner", attempts: 0, result: null });
    expect((await decide(headers, held.action!.id, "approve")).status).toBe(409);
    expect(await tags(headers)).toEqual([]);
    const bare = await propose(headers, tagRequest({ team: "x" }));
    const rejected = ActionSchema.parse(await (await decide(headers, bare.action!.id, "reject")).json());
    expect(rejected).toMatchObject({ status: "rejected", decision_reason: null });
  });
});

describe("policies, listing", () => {
  it("GET shows the defaults; PUT changes one type, and the next action of that type runs at once", async () => {
    const tenant = await signUp();
    const headers = bearer(tenant.accessToken);
    const before = ActionPoliciesSchema.parse(await (await call(POLICIES, { headers })).json());
    expect(before.policies.map((p) => [p.action_type, p.mode, p.is_default])).toEqual([
      ["opportunity.write_score", "auto", true],
      ["record.update", "approval", true],
      ["alert.create", "auto", true],
      ["sub_account.tag", "approval", true],
    ]);
    const put = await call(POLICIES, { method: "PUT", headers, body: { policies: { "sub_account.tag": "auto", "alert.create": "approval" } } });
    expect(put.status).toBe(200);
    const after = ActionPoliciesSchema.parse(await put.json()).policies;
    expect(after.find((p) => p.action_type === "sub_account.tag")).toMatchObject({ mode: "auto", is_default: false, updated_by: tenant.userId });
    expect(after.find((p) => p.action_type === "record.update")).toMatchObject({ mode: "approval", is_default: true });

    expect((await propose(headers, tagRequest({ team: "ops" }))).action).toMatchObject({ status: "succeeded", policy: "auto" });
    expect((await propose(headers, alertRequest())).action).toMatchObject({ status: "pending_approval", policy: "approval" });
    expect(await alerts(headers)).toEqual([]);
  });

  it("lists newest first, filters by status and type, and pages with next_cursor", async () => {
    const tenant = await signUp();
    const headers = bearer(tenant.accessToken);
    const a = (await propose(headers, alertRequest())).action!;
    const b = (await propose(headers, tagRequest({ k: "v" }))).action!;
    const c = (await propose(headers, alertRequest())).action!;
    const list = async (query: string) => ActionPageSchema.parse(await (await call(`${ACTIONS}${query}`, { headers })).json());
    expect((await list("")).items.map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect((await list("?status=pending_approval")).items.map((x) => x.id)).toEqual([b.id]);
    expect((await list("?type=alert.create&status=succeeded")).items.map((x) => x.id)).toEqual([c.id, a.id]);
    const first = await list("?limit=2");
    expect(first.items.map((x) => x.id)).toEqual([c.id, b.id]);
    const second = await list(`?limit=2&cursor=${first.next_cursor}`);
    expect(second).toEqual({ items: [expect.objectContaining({ id: a.id })], next_cursor: null });
  });
});
