import { describe, expect, it } from "vitest";
import { EventPageSchema } from "../../../../../workers/gateway/routes/aam/events/list";
import { bearer, createApiKey, signUp } from "../../../../helpers/auth";
import { call, expectProblem } from "../../../../helpers/http";
import { normalizedRun, tenantScope } from "../../../../helpers/normalize";

const alice = await tenantScope();
const mallory = await signUp();

describe("canonical events: tenant isolation and scopes", () => {
  it("never lists another tenant's events, whatever the filters", async () => {
    const { connectionId } = await normalizedRun(alice.scope);
    for (const query of ["", `connection_id=${connectionId}`, "entity=account", "after=0"]) {
      const page = EventPageSchema.parse(await (await call(`/api/v1/aam/events?${query}`, { headers: bearer(mallory.accessToken) })).json());
      expect(page.items).toEqual([]);
    }
    const own = EventPageSchema.parse(await (await call(`/api/v1/aam/events?connection_id=${connectionId}`, { headers: bearer(alice.accessToken) })).json());
    expect(own.items).toHaveLength(2);
  });

  it("requires the aam:read scope", async () => {
    const { key } = await createApiKey(alice.accessToken, ["dcl:read"]);
    await expectProblem(await call("/api/v1/aam/events", { headers: bearer(key) }), 403, "forbidden");
  });
});
