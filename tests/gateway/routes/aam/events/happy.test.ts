import { describe, expect, it } from "vitest";
import { EventPageSchema } from "../../../../../workers/gateway/routes/aam/events/list";
import { bearer } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";
import { normalizedRun, tenantScope } from "../../../../helpers/normalize";

const { scope, accessToken } = await tenantScope();
const auth = bearer(accessToken);
const page = async (query: string) => EventPageSchema.parse(await (await call(`/api/v1/aam/events?${query}`, { headers: auth })).json());

describe("GET /api/v1/aam/events", () => {
  it("lists a connection's canonical events in stream order", async () => {
    const { connectionId } = await normalizedRun(scope);
    const { items, next_cursor } = await page(`connection_id=${connectionId}`);
    expect(items.map((e) => [e.entity, e.source.connection_id, e.source.record_id])).toEqual([
      ["account", connectionId, "A-1"],
      ["account", connectionId, "A-2"],
    ]);
    expect(items[0]!.meta.tenant_id).toBe(scope.tenantId);
    expect(next_cursor).toBeNull();
  });

  it("pages with `after`, a stream position, without gaps or repeats", async () => {
    const { connectionId } = await normalizedRun(scope);
    const first = await page(`connection_id=${connectionId}&limit=1`);
    expect(first.items).toHaveLength(1);
    expect(first.next_cursor).toEqual(expect.any(Number));
    const second = await page(`connection_id=${connectionId}&limit=1&after=${first.next_cursor}`);
    expect([...first.items, ...second.items].map((e) => e.source.record_id)).toEqual(["A-1", "A-2"]);
    expect(second.next_cursor).toBeNull();
    expect(await page(`connection_id=${connectionId}&after=${Number.MAX_SAFE_INTEGER}`)).toEqual({ items: [], next_cursor: null });
  });

  it("filters by entity", async () => {
    const { connectionId } = await normalizedRun(scope);
    expect((await page(`connection_id=${connectionId}&entity=account`)).items).toHaveLength(2);
    expect((await page(`connection_id=${connectionId}&entity=contact`)).items).toEqual([]);
  });
});
