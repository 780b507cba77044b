import { describe, it } from "vitest";
import { bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call, expectProblem } from "../../../../helpers/http";

describe("POST /api/v1/aam/connections/{id}/sync: errors", () => {
  it("is 404 for an unknown connection and 501 for a system without a connector", async () => {
    const owner = await signUp();
    await expectProblem(await call(`${CONNECTIONS}/con_000000000000000000000000/sync`, { method: "POST", headers: bearer(owner.accessToken) }), 404, "not-found");
    const salesforce = await createConnection(owner.accessToken, { system: "salesforce", config: {} });
    await expectProblem(await call(`${CONNECTIONS}/${salesforce.id}/sync`, { method: "POST", headers: bearer(owner.accessToken) }), 501, "not-implemented");
  });
});
