/**
 * The loader over either store (load-d1/load-neon tests): events go through the stream store port and the
 * Worker's CANONICAL_QUEUE handler with the store's env, and the input is read back with that env.
 */
import { describe, expect, it } from "vitest";
import { loadRevOpsInput } from "../../../workers/aoa/revops/load";
import { RevOpsInputSchema } from "../../../workers/aoa/revops/input";
import { accountEvent, contactEvent, opportunityEvent } from "../../helpers/dcl";
import { appendTo, type DclStoreUnderTest, materializeIn } from "../../helpers/dcl-store";
import { newTenant } from "../../helpers/pipeline";

const at = (d: string) => `2026-${d}T10:00:00.000Z`;

export function describeLoader(name: string, under: () => DclStoreUnderTest): void {
  describe(`loadRevOpsInput on ${name}`, () => {
    it("reads the tenant's views, contact counts and each deal's history from its own stream only", async () => {
      const { env } = under();
      const t = (await newTenant()).tenantId;
      const other = (await newTenant()).tenantId;
      const deal = (stage: string, close: string, updated: string, status = "open") =>
        opportunityEvent(t, "D-1", { account_id: "A-1", stage, close_date: close, amount: 5000, currency: "EUR", status, updated_at: at(updated) });
      const seqs = await appendTo(env, t, [
        accountEvent(t, "A-1", { name: "Acme" }),
        contactEvent(t, "C-1", { account_id: "A-1" }),
        contactEvent(t, "C-2", { account_id: "A-1" }),
        // out of order on purpose: history is ordered by updated_at, not by arrival
        deal("Proposal", "2026-08-31", "02-01"),
        deal("Qualification", "2026-07-31", "01-01"),
        deal("Proposal", "2026-08-31", "03-01"),
        opportunityEvent(t, "D-1", {}, { op: "delete", emitted_at: at("01-15") }),
      ]);
      expect(await materializeIn(env, t, seqs)).toBe(true);
      const foreign = await appendTo(env, other, [opportunityEvent(other, "D-1", { stage: "Negotiation", updated_at: at("02-15") })]);
      expect(await materializeIn(env, other, foreign)).toBe(true);

      const input = RevOpsInputSchema.parse(await loadRevOpsInput(env, { tenantId: t }));
      expect(input.accounts).toEqual([expect.objectContaining({ name: "Acme" })]);
      const accountId = input.accounts[0]!.id;
      expect(input.contact_counts).toEqual({ [accountId]: 2 });
      expect(input.opportunities).toHaveLength(1);
      const [opportunity] = input.opportunities;
      expect(opportunity).toMatchObject({ source_id: "D-1", account_id: accountId, stage: "Proposal", close_date: "2026-08-31", status: "open" });
      const ordered = [...opportunity!.history].sort((a, b) => (a.at < b.at ? -1 : 1));
      expect(ordered.map((s) => [s.at, s.stage, s.close_date])).toEqual([
        [at("01-01"), "Qualification", "2026-07-31"],
        [at("02-01"), "Proposal", "2026-08-31"],
        [at("03-01"), "Proposal", "2026-08-31"],
      ]);
    });

    it("loads an empty input for a tenant without data", async () => {
      const { env } = under();
      const t = (await newTenant()).tenantId;
      expect(await loadRevOpsInput(env, { tenantId: t })).toEqual({ opportunities: [], accounts: [], contact_counts: {} });
    });
  });
}
