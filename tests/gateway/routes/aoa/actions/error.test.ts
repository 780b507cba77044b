import { describe, expect, it } from "vitest";
import { ActionPageSchema } from "../../../../../workers/gateway/routes/aoa/actions/list";
import { ActionSchema } from "../../../../../workers/aoa/actions/types";
import { bearer } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { tenantScope } from "../../../../helpers/normalize";
import { ACTIONS, POLICIES, alertRequest, decide, heldBrokenWriteBack, propose, tagRequest } from "./helpers";

const fieldsOf = (problem: { errors?: { path: string }[] }) => (problem.errors ?? []).map((e) => e.path);

describe("POST /api/v1/aoa/actions: refused requests", () => {
  it("the same idempotency_key with a different request is a 409 and leaves the first action alone", async () => {
    const { accessToken } = await tenantScope();
    const headers = bearer(accessToken);
    const first = await propose(headers, alertRequest({ idempotency_key: "k-1" }));
    const reused = await call(ACTIONS, { headers, body: alertRequest({ idempotency_key: "k-1", reason: "another reason" }) });
    const problem = await expectProblem(reused, 409, "action-key-reused");
    expect(problem.detail).toContain(first.action!.id);
    // a dry run with the key only plans: it neither replays nor conflicts
    expect((await call(ACTIONS, { headers, body: { ...tagRequest({ a: "b" }, { idempotency_key: "k-1" }), dry_run: true } })).status).toBe(200);
    const page = ActionPageSchema.parse(await (await call(ACTIONS, { headers })).json());
    expect(page.items.map((a) => [a.id, a.reason])).toEqual([[first.action!.id, "deal_risk finding"]]);
  });

  it("invalid fields are reported one by one: severity, score range, unknown keys, unknown type", async () => {
    const { accessToken } = await tenantScope();
    const headers = bearer(accessToken);
    const badSeverity = await expectProblem(
      await call(ACTIONS, { headers, body: { ...alertRequest(), params: { severity: "urgent", title: "", body: "x", recipient: null } } }),
      400,
      "validation-error",
    );
    expect(fieldsOf(badSeverity)).toEqual(expect.arrayContaining(["body.params.severity", "body.params.title"]));
    const score = {
      type: "opportunity.write_score",
      target: { entity: "opportunity", id: "opp_1" },
      params: { deal_score: 101, win_probability: 1.5, forecast_amount: null },
      reason: "scored",
      idempotency_key: "k-score",
    };
    const badScore = await expectProblem(await call(ACTIONS, { headers, body: score }), 400, "validation-error");
    expect(fieldsOf(badScore).sort()).toEqual(["body.params.deal_score", "body.params.win_probability"]);
    const extraKey = await expectProblem(await call(ACTIONS, { headers, body: { ...score, params: { deal_score: 50, win_probability: 0.5, forecast_amount: 1, stage: "x" } } }), 400, "validation-error");
    expect(fieldsOf(extraKey)).toEqual(["body.params"]);
    const unknownType = await expectProblem(await call(ACTIONS, { headers, body: { ...score, type: "opportunity.delete" } }), 400, "validation-error");
    expect(fieldsOf(unknownType)).toEqual(["body.type"]);
    const noTags = await expectProblem(await call(ACTIONS, { headers, body: tagRequest({}) }), 400, "validation-error");
    expect(fieldsOf(noTags)).toEqual(["body.params.tags"]);
    expect(ActionPageSchema.parse(await (await call(ACTIONS, { headers })).json()).items).toEqual([]);
  });

  it("a record action on a row that does not exist is a 404 and stores nothing", async () => {
    const { accessToken } = await tenantScope();
    const headers = bearer(accessToken);
    const body = { type: "record.update", target: { entity: "account", id: "acc_missing" }, params: { fields: { name: "Acme" } }, reason: "fix", idempotency_key: "k-missing" };
    await expectProblem(await call(ACTIONS, { headers, body }), 404, "not-found");
    expect(ActionPageSchema.parse(await (await call(ACTIONS, { headers })).json()).items).toEqual([]);
  });
});

describe("decisions out of turn, failures and retries", () => {
  it("only pending actions are approved or rejected and only failed ones retried (409 otherwise); unknown ids are 404", async () => {
    const { accessToken } = await tenantScope();
    const headers = bearer(accessToken);
    const done = (await propose(headers, alertRequest())).action!;
    await expectProblem(await decide(headers, done.id, "approve"), 409, "conflict");
    await expectProblem(await decide(headers, done.id, "reject"), 409, "conflict");
    await expectProblem(await decide(headers, done.id, "retry"), 409, "conflict");
    const held = (await propose(headers, tagRequest({ a: "b" }))).action!;
    await expectProblem(await decide(headers, held.id, "retry"), 409, "conflict");
    await expectProblem(await call(`${ACTIONS}/act_unknown`, { headers }), 404, "not-found");
    await expectProblem(await decide(headers, "act_unknown", "approve"), 404, "not-found");
  });

  it("a failed execution keeps the error as a problem and counts attempts; retry runs it again", async () => {
    const { scope, accessToken } = await tenantScope();
    const headers = bearer(accessToken);
    const held = await heldBrokenWriteBack(scope);
    const res = await decide(headers, held.id, "approve");
    expect(res.status).toBe(200);
    const failed = ActionSchema.parse(await res.json());
    expect(failed).toMatchObject({ status: "failed", attempts: 1, result: null });
    expect(failed.error).toMatchObject({ type: "https://autonomos.dev/problems/not-found", status: 404, detail: expect.stringContaining("con_deleted"), trace_id: res.headers.get("x-trace-id") });
    const retried = ActionSchema.parse(await (await decide(headers, held.id, "retry")).json());
    expect(retried).toMatchObject({ status: "failed", attempts: 2 });
    expect(retried.error!.trace_id).not.toBe(failed.error!.trace_id);
  });

  it("bad list queries and policy bodies are 400 per field", async () => {
    const { accessToken } = await tenantScope();
    const headers = bearer(accessToken);
    const cursor = await expectProblem(await call(`${ACTIONS}?cursor=nonsense&status=done`, { headers }), 400, "validation-error");
    expect(fieldsOf(cursor).sort()).toEqual(["query.cursor", "query.status"]);
    const policy = await expectProblem(await call(POLICIES, { method: "PUT", headers, body: { policies: { "record.delete": "auto", "record.update": "sometimes" } } }), 400, "validation-error");
    expect(fieldsOf(policy).length).toBeGreaterThan(0);
    expect(fieldsOf(policy).every((p) => p.startsWith("body.policies"))).toBe(true);
  });
});
