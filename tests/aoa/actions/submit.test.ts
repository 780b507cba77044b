/**
 * submitAction as the agent runner and the MCP server call it: agents' proposals audited as system actions,
 * concurrent submissions of one key making one action, plain objects validated per field, tags merged atomically.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { setPolicies } from "../../../workers/aoa/actions/policies";
import { actionByKey } from "../../../workers/aoa/actions/store";
import { submitAction } from "../../../workers/aoa/actions/submit";
import { listAlerts } from "../../../workers/aoa/actions/alerts";
import { listSubAccountTags } from "../../../workers/aoa/actions/sub-account-tags";
import { ProblemError } from "../../../workers/gateway/problem";
import { auditRecords } from "../../helpers/audit";
import { tenantScope } from "../../helpers/normalize";
import { alertRequest, tagRequest } from "../../gateway/routes/aoa/actions/helpers";

const agent = { type: "agent" as const, id: "revops" };
const TRACE = "0af7651916cd43dd8448eb211c80319c";
const run = { dryRun: false, traceId: TRACE };

describe("submitAction for agents", () => {
  it("an agent's proposal is stored with its finding and appended to the audit log as a system action", async () => {
    const { scope } = await tenantScope();
    const submitted = await submitAction(env, scope, alertRequest(), agent, { ...run, findingId: "fnd_1" });
    if (submitted.dry_run) throw new Error("not a dry run");
    expect(submitted.action).toMatchObject({ actor: agent, finding_id: "fnd_1", status: "succeeded", trace_id: TRACE });
    const audited = (await auditRecords(scope.tenantId)).filter((r) => r.actor_type === "system");
    expect(audited).toEqual([
      expect.objectContaining({ actor_id: "revops", method: "POST", route: null, resource: `/api/v1/aoa/actions/${submitted.action.id}`, trace_id: TRACE, status: 200 }),
    ]);
  });

  it("a dry run by an agent stores, audits and executes nothing", async () => {
    const { scope } = await tenantScope();
    const request = alertRequest();
    const submitted = await submitAction(env, scope, request, agent, { ...run, dryRun: true });
    expect(submitted).toEqual({ dry_run: true, plan: { kind: "alert", alert: { ...request.params, target: request.target } } });
    expect(await actionByKey(scope, request.idempotency_key)).toBeUndefined();
    expect((await auditRecords(scope.tenantId)).map((r) => r.resource)).toEqual(["/api/v1/auth/register"]);
    expect(await listAlerts(scope, {}, { limit: 10 })).toEqual([]);
  });

  it("concurrent submissions of one key make one action and one execution; the others are replays", async () => {
    const { scope } = await tenantScope();
    const request = alertRequest();
    const results = await Promise.all([1, 2, 3].map(() => submitAction(env, scope, request, agent, run)));
    const actions = results.map((r) => (r.dry_run ? undefined : r));
    expect(new Set(actions.map((r) => r?.action.id)).size).toBe(1);
    expect(actions.filter((r) => r?.replayed === false)).toHaveLength(1);
    expect(await listAlerts(scope, {}, { limit: 10 })).toHaveLength(1);
  });

  it("a plain object is validated field by field, as the route does", async () => {
    const { scope } = await tenantScope();
    const bad = { ...alertRequest(), params: { severity: "critical", title: "t", body: "b", recipient: null } } as unknown as Parameters<typeof submitAction>[2];
    const error = await submitAction(env, scope, bad, agent, run).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).extras.errors?.map((e) => e.path)).toEqual(["body.params.severity"]);
  });

  it("tag actions running at once merge into the registry without losing each other's keys", async () => {
    const { scope } = await tenantScope();
    await setPolicies(scope, { "sub_account.tag": "auto" }, "usr_test");
    await Promise.all([tagRequest({ team: "data" }), tagRequest({ env: "prod" }), tagRequest({ owner: "ana" })].map((r) => submitAction(env, scope, r, agent, run)));
    const [entry] = await listSubAccountTags(scope, {});
    expect(entry?.tags).toEqual({ team: "data", env: "prod", owner: "ana" });
  });
});
