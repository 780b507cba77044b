/**
 * A Supabase connection whose key is a signed-in user's (the `authenticated` role): row-level security decides
 * what it syncs, and a table the role holds no privilege on is the source's refusal, not the caller's.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ViewPageSchema } from "../../../../../workers/dcl/query/list-view";
import { RunSchema } from "../../../../../workers/gateway/routes/aam/runs/schemas";
import { type SignedUp, bearer, signUp } from "../../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../../helpers/connections";
import { call, expectProblem } from "../../../../helpers/http";
import { captureQueues, queueDrainer } from "../../../../helpers/pipeline";
import { project, signKey } from "../helpers";

let owner: SignedUp;
let drainQueues: () => Promise<void>;

beforeAll(async () => {
  owner = await signUp();
  drainQueues = queueDrainer(captureQueues());
});
afterAll(() => vi.restoreAllMocks());

const userConnection = async (sub: string, tables: string[]) =>
  createConnection(owner.accessToken, {
    system: "supabase",
    name: `user ${sub} ${tables.join(",")}`,
    config: { url: project.url, schema: "crm", tables },
    secrets: { api_key: await signKey({ role: "authenticated", sub }) },
  });

const startSync = (connectionId: string) => call(`${CONNECTIONS}/${connectionId}/sync`, { method: "POST", headers: bearer(owner.accessToken) });

describe("a Supabase connection with an authenticated-role key", () => {
  it("syncs only the rows the user's policy lets it read", async () => {
    const connection = await userConnection("user-b", ["companies"]);
    const res = await startSync(connection.id);
    expect(res.status, await res.clone().text()).toBe(202);
    const { run_ids } = (await res.json()) as { run_ids: string[] };
    await drainQueues();
    const [run] = await Promise.all(run_ids.map(async (id) => RunSchema.parse(await (await call(`/api/v1/aam/runs/${id}`, { headers: bearer(owner.accessToken) })).json())));
    expect(run).toMatchObject({ object: "companies", status: "succeeded", counts: { read: 2, emitted: 2 } });
    const views = await call("/api/v1/dcl/views/accounts?limit=500", { headers: bearer(owner.accessToken) });
    const names = ViewPageSchema.parse(await views.json()).items.map((row) => row.name);
    expect(names.sort()).toEqual(["Last Inc", "Twin B"]);
  });

  it("is refused with source-permission-denied (424) for a table the role may not read, starting no run", async () => {
    const connection = await userConnection("user-a", ["companies", "people"]);
    const problem = await expectProblem(await startSync(connection.id), 424, "source-permission-denied");
    expect(problem.detail).toMatch(/permission denied for table people/);
    const runs = await call(`/api/v1/aam/runs?connection_id=${connection.id}`, { headers: bearer(owner.accessToken) });
    expect(runs.status).toBe(200);
    expect(((await runs.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
