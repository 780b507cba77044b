import { describe, expect, it } from "vitest";
import { ActionPageSchema } from "../../../../../workers/gateway/routes/aoa/actions/list";
import { AlertPageSchema } from "../../../../../workers/gateway/routes/aoa/alerts/list";
import { SubAccountTagListSchema } from "../../../../../workers/gateway/routes/aoa/sub-accounts/tags";
import { getAction } from "../../../../../workers/aoa/actions/store";
import { bearer, createApiKey } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { memberToken } from "../../../../helpers/mappings";
import { tenantScope } from "../../../../helpers/normalize";
import { ACTIONS, ALERTS, POLICIES, TAGS, alertRequest, decide, heldBrokenWriteBack, propose, tagRequest } from "./helpers";

const a = await tenantScope();
const b = await tenantScope();
const asA = bearer(a.accessToken);
const asB = bearer(b.accessToken);

describe("action routes' tenant isolation", () => {
  it("tenant B neither sees nor decides tenant A's actions, alerts or tags", async () => {
    const held = (await propose(asA, tagRequest({ team: "a" }))).action!;
    const failed = await heldBrokenWriteBack(a.scope);
    await decide(asA, failed.id, "approve");
    await propose(asA, alertRequest());
    for (const path of [`${ACTIONS}/${held.id}`, `${ACTIONS}/${failed.id}`]) await expectProblem(await call(path, { headers: asB }), 404, "not-found");
    for (const verb of ["approve", "reject"] as const) await expectProblem(await decide(asB, held.id, verb), 404, "not-found");
    await expectProblem(await decide(asB, failed.id, "retry"), 404, "not-found");
    expect(ActionPageSchema.parse(await (await call(ACTIONS, { headers: asB })).json()).items).toEqual([]);
    expect(AlertPageSchema.parse(await (await call(ALERTS, { headers: asB })).json()).items).toEqual([]);
    expect(await getAction(a.scope, held.id)).toMatchObject({ status: "pending_approval" });
    expect(await getAction(a.scope, failed.id)).toMatchObject({ status: "failed", attempts: 1 });
    await decide(asA, held.id, "approve");
    expect(SubAccountTagListSchema.parse(await (await call(TAGS, { headers: asB })).json()).items).toEqual([]);
  });

  it("idempotency keys are per tenant: the same key in two tenants makes two actions", async () => {
    const request = alertRequest();
    const first = await propose(asA, request);
    const second = await propose(asB, request);
    expect([first.res.status, second.res.status]).toEqual([201, 201]);
    expect(second.action!.id).not.toBe(first.action!.id);
    expect(await getAction(b.scope, first.action!.id)).toBeUndefined();
  });
});

describe("action routes' scopes", () => {
  it("a key with only actions:write proposes but cannot approve, reject, retry, read or set policies", async () => {
    const writer = bearer((await createApiKey(a.accessToken, ["actions:write"])).key);
    const { res, action } = await propose(writer, tagRequest({ team: "w" }));
    expect(res.status).toBe(201);
    expect(action!.actor.type).toBe("api_key");
    for (const verb of ["approve", "reject", "retry"] as const) await expectProblem(await decide(writer, action!.id, verb), 403, "forbidden");
    await expectProblem(await call(ACTIONS, { headers: writer }), 403, "forbidden");
    await expectProblem(await call(POLICIES, { method: "PUT", headers: writer, body: { policies: { "sub_account.tag": "auto" } } }), 403, "forbidden");
    expect(await getAction(a.scope, action!.id)).toMatchObject({ status: "pending_approval" });
    const approver = bearer((await createApiKey(a.accessToken, ["actions:approve"])).key);
    expect((await decide(approver, action!.id, "approve")).status).toBe(200);
  });

  it("members read actions, policies, alerts and tags but neither propose nor decide", async () => {
    const held = (await propose(asA, tagRequest({ team: "m" }))).action!;
    const member = bearer(await memberToken(a.scope.tenantId));
    for (const path of [ACTIONS, `${ACTIONS}/${held.id}`, POLICIES, ALERTS, TAGS]) expect((await call(path, { headers: member })).status).toBe(200);
    await expectProblem(await call(ACTIONS, { headers: member, body: alertRequest() }), 403, "forbidden");
    await expectProblem(await call(ACTIONS, { headers: member, body: { ...alertRequest(), dry_run: true } }), 403, "forbidden");
    await expectProblem(await decide(member, held.id, "approve"), 403, "forbidden");
    await expectProblem(await call(POLICIES, { method: "PUT", headers: member, body: { policies: { "sub_account.tag": "auto" } } }), 403, "forbidden");
    expect(await getAction(a.scope, held.id)).toMatchObject({ status: "pending_approval" });
  });

  it("no credentials is 401 on every action route", async () => {
    await expectProblem(await call(ACTIONS, { body: alertRequest() }), 401, "unauthorized");
    for (const path of [ACTIONS, POLICIES, ALERTS, TAGS]) await expectProblem(await call(path), 401, "unauthorized");
    await expectProblem(await call(`${ACTIONS}/act_x/approve`, { method: "POST" }), 401, "unauthorized");
  });
});
