/**
 * A tenant with something in its catalog: a real connection, canonical events of two objects (mapped with two
 * versions of the accounts mapping) materialized into its views, one account deleted, and quarantined records
 * (one open, one discarded, one replayed: the replayed one is no longer held back). The events and views go to the
 * store `storeEnv` selects (D1 by default); the connection and quarantine are in D1 either way.
 */
import { env } from "cloudflare:test";
import { expect } from "vitest";
import { bearer, signUp } from "./auth";
import { createConnection } from "./connections";
import { accountEvent, contactEvent } from "./dcl";
import { appendTo, materializeIn } from "./dcl-store";
import { db } from "./pipeline";
import { forTenant, schema } from "../../workers/platform/db";
import type { CanonicalEvent } from "../../workers/canonical/event";
import type { Env } from "../../workers/env";

const withVersion = (event: CanonicalEvent, mapping_version: string): CanonicalEvent => ({ ...event, meta: { ...event.meta, mapping_version } });

export async function tenantWithCatalog(storeEnv: Env = env) {
  const caller = await signUp();
  const t = caller.tenantId;
  const connection = await createConnection(caller.accessToken, { name: "crm" });
  const on = { connection_id: connection.id };
  const accounts = { connection_id: connection.id, object: "companies" };
  const events = [
    withVersion(accountEvent(t, "A-1", { name: "Acme", updated_at: "2026-01-01T00:00:00.000Z" }, accounts), "filesource/companies@1#aaaaaaaaaaaa"),
    withVersion(accountEvent(t, "A-2", { name: "Globex" }, accounts), "filesource/companies@1#aaaaaaaaaaaa"),
    withVersion(accountEvent(t, "A-3", { name: "Initech" }, accounts), "filesource/companies@2#bbbbbbbbbbbb"),
    withVersion(accountEvent(t, "A-1", { name: "Acme", updated_at: "2026-02-01T00:00:00.000Z" }, { ...accounts, op: "delete", emitted_at: "2026-02-01T00:00:00.000Z" }), "filesource/companies@2#bbbbbbbbbbbb"),
    ...["A-2", "A-3", "A-2", "A-3"].map((a, i) => withVersion(contactEvent(t, `C-${i}`, { account_id: a }, { ...on, object: "people" }), "filesource/people@1#cccccccccccc")),
  ];
  expect(await materializeIn(storeEnv, t, await appendTo(storeEnv, t, events))).toBe(true);
  const scope = forTenant(db, t);
  for (const status of ["open", "discarded", "replayed"] as const) {
    await scope.insert(schema.quarantine, { id: `q_${crypto.randomUUID()}`, connectionId: connection.id, system: "filesource", object: "people", raw: {}, reason: "email: invalid", status });
  }
  return { ...caller, auth: bearer(caller.accessToken), connection, events };
}
