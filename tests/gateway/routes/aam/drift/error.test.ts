import { describe, expect, it } from "vitest";
import { setDriftStatus } from "../../../../../workers/aam/drift/events";
import { bearer } from "../../../../helpers/auth";
import { driftedConnection } from "../../../../helpers/drift";
import { call, expectProblem } from "../../../../helpers/http";
import { tenantScope } from "../../../../helpers/normalize";

const { scope, accessToken } = await tenantScope();
const auth = bearer(accessToken);
const ignore = (id: string) => call(`/api/v1/aam/drift/${id}/ignore`, { method: "POST", headers: auth });

describe("drift routes: errors", () => {
  it("rejects unknown filters' values, a foreign cursor and a bad limit with 400", async () => {
    for (const query of ["status=fixed", "breaking=maybe", "cursor=not-a-cursor", "limit=0", "limit=201"]) {
      await expectProblem(await call(`/api/v1/aam/drift?${query}`, { headers: auth }), 400, "validation-error");
    }
  });

  it("answers 404 for an unknown event, to get and to ignore", async () => {
    await expectProblem(await call("/api/v1/aam/drift/drf_unknown", { headers: auth }), 404, "not-found");
    await expectProblem(await ignore("drf_unknown"), 404, "not-found");
  });

  it("refuses to ignore a breaking event or a repaired one (409), and leaves them as they were", async () => {
    const { breaking, harmless } = await driftedConnection(scope);
    const refused = await expectProblem(await ignore(breaking.id), 409, "conflict");
    expect(refused.detail).toMatch(/breaks the mapping/);
    await setDriftStatus(scope, harmless.id, "repaired", "rep_1");
    await expectProblem(await ignore(harmless.id), 409, "conflict");
    const statuses = await Promise.all(
      [breaking.id, harmless.id].map(async (id) => ((await (await call(`/api/v1/aam/drift/${id}`, { headers: auth })).json()) as { status: string }).status),
    );
    expect(statuses).toEqual(["open", "repaired"]);
  });

  it("requires credentials", async () => {
    await expectProblem(await call("/api/v1/aam/drift"), 401, "unauthorized");
  });
});
