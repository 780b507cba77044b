import { describe, expect, it } from "vitest";
import { bearer } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { normalizedRun, tenantScope } from "../../../../helpers/normalize";

const { scope, accessToken } = await tenantScope();
const auth = bearer(accessToken);
const replay = (body: unknown) => call("/api/v1/aam/quarantine/replay", { body, headers: auth });

describe("quarantine routes: invalid requests", () => {
  it.each([
    ["no selection", {}, "body"],
    ["an empty id list", { ids: [] }, "body.ids"],
    ["ids that are not strings", { ids: [1] }, "body.ids.0"],
  ])("refuses a replay with %s", async (_, body, path) => {
    const problem = await expectProblem(await replay(body), 400, "validation-error");
    expect(problem.errors?.map((e) => e.path)).toContain(path);
  });

  it("answers 404 when nothing open matches", async () => {
    await expectProblem(await replay({ ids: ["qua_00000000000000000000000000000000"] }), 404, "not-found");
    await expectProblem(await replay({ connection_id: "con_nothing_quarantined" }), 404, "not-found");
  });

  it("refuses a selection spanning two connections, and replays nothing", async () => {
    const a = await normalizedRun(scope);
    const b = await normalizedRun(scope);
    const ids = await Promise.all(
      [a, b].map(async ({ connectionId }) => {
        const res = await call(`/api/v1/aam/quarantine?connection_id=${connectionId}`, { headers: auth });
        return ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
      }),
    );
    const problem = await expectProblem(await replay({ ids }), 400, "validation-error");
    expect(problem.detail).toMatch(/one connection at a time/);
    const open = (await (await call("/api/v1/aam/quarantine?status=replayed", { headers: auth })).json()) as { items: unknown[] };
    expect(open.items).toEqual([]);
  });

  it("refuses an unknown status filter and a foreign cursor", async () => {
    for (const [query, path] of [["status=fixed", "query.status"], ["cursor=abc", "query.cursor"]]) {
      const problem = await expectProblem(await call(`/api/v1/aam/quarantine?${query}`, { headers: auth }), 400, "validation-error");
      expect(problem.errors?.map((e) => e.path)).toEqual([path]);
    }
  });

  it("requires authentication", async () => {
    await expectProblem(await call("/api/v1/aam/quarantine"), 401, "unauthorized");
    await expectProblem(await call("/api/v1/aam/quarantine/replay", { body: { connection_id: "x" } }), 401, "unauthorized");
  });
});
