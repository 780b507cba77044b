import { describe, expect, it } from "vitest";
import { bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call, expectProblem } from "../../../../helpers/http";
import { createFakeOrg, fakeUrl } from "../../../../aam/connectors/salesforce/helpers";

describe("POST /api/v1/aam/connections/{id}/sync: errors", () => {
  it("is 404 for an unknown connection", async () => {
    const owner = await signUp();
    await expectProblem(await call(`${CONNECTIONS}/con_000000000000000000000000/sync`, { method: "POST", headers: bearer(owner.accessToken) }), 404, "not-found");
  });

  it("is 424 source-credentials-rejected when the source refuses the connection, never the caller's own 401", async () => {
    const owner = await signUp();
    const org = await createFakeOrg();
    const config = { login_url: fakeUrl(), grant: "client_credentials", client_id: org.clientId, objects: ["Account"] };
    const salesforce = await createConnection(owner.accessToken, { system: "salesforce", config, secrets: { client_secret: "revoked" } });
    const problem = await expectProblem(
      await call(`${CONNECTIONS}/${salesforce.id}/sync`, { method: "POST", headers: bearer(owner.accessToken) }),
      424,
      "source-credentials-rejected",
    );
    expect(problem.detail).toContain("invalid_client");
    expect(problem.detail).not.toContain("revoked");
    // the connection says so too, for whoever looks at it next
    const after = await call(`${CONNECTIONS}/${salesforce.id}`, { headers: bearer(owner.accessToken) });
    expect(await after.json()).toMatchObject({ source_state: "bad-credentials", status: "active" });
  });
});
