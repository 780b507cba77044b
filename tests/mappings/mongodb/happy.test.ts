/**
 * The bundled MongoDB mappings over the CRM sample as the connector reads it from the stand-in (plain JSON from
 * BSON: ObjectIds, dates, Decimal128, Int32/Long, embedded objects and arrays), each document a valid entity.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { RawRecord } from "../../../workers/aam/connectors/connector";
import { systemMappings } from "../../../workers/aam/mapping/registry";
import { crmIds } from "../../fakes/mongodb/crm";
import { mongoConnector, seedCrm } from "../../helpers/mongodb";

const database = "mappings_mongodb";

async function mapCollection(collection: string) {
  const page = await mongoConnector({ database }).read(collection, null);
  const mapping = (await systemMappings()).get("mongodb", collection);
  if (mapping === undefined) throw new Error(`no mongodb mapping for ${collection}`);
  return page.records.map((record: RawRecord) => mapping.map(record.data, record.record_id));
}

describe("bundled MongoDB mappings", () => {
  beforeAll(() => seedCrm(database));

  it("maps accounts: nested address and owner, Decimal128 revenue, Int32 and Long head counts", async () => {
    const mapped = await mapCollection("accounts");
    expect(mapped.every((result) => result.ok)).toBe(true);
    expect(mapped.map((result) => result.ok && result.data)).toEqual([
      expect.objectContaining({
        source_id: crmIds.acme.toHexString(),
        name: "Acme Manufacturing",
        annual_revenue: 5250000.5,
        currency: "EUR",
        employee_count: 1200,
        website: "https://acme.example",
        billing_city: "Berlin",
        billing_country: "DE",
        owner: "Dana Scully",
        created_at: "2024-02-01T09:00:00.000Z",
        updated_at: "2026-03-01T10:00:00.000Z",
        extras: expect.objectContaining({ tags: ["key-account", "emea"], address: { street: "Hauptstr. 1", postalCode: "10115" } }),
      }),
      expect.objectContaining({ name: "Globex", annual_revenue: 750000, currency: "USD", employee_count: 310, billing_city: "Springfield", website: null }),
      expect.objectContaining({ name: "Initech", annual_revenue: null, currency: "USD", employee_count: null, owner: null }),
    ]);
  });

  it("maps opportunities: the account's ObjectId as account_id, the stage as status, a UTC-midnight Date as close date", async () => {
    const mapped = await mapCollection("opportunities");
    expect(mapped.every((result) => result.ok)).toBe(true);
    expect(mapped.map((result) => result.ok && result.data)).toEqual([
      expect.objectContaining({
        source_id: crmIds.renewal.toHexString(),
        account_id: crmIds.acme.toHexString(),
        status: "won",
        amount: 120000,
        currency: "EUR",
        close_date: "2026-02-28",
        probability: 100,
        lead_source: "referral",
        owner: "Dana Scully",
        extras: expect.objectContaining({ lineItems: [expect.objectContaining({ sku: "PLAT-1", price: "2000.00" }), expect.objectContaining({ sku: "SUP-1" })] }),
      }),
      expect.objectContaining({ name: "Globex expansion", status: "open", amount: 48500.75, close_date: "2026-06-30" }),
      expect.objectContaining({ name: "Initech pilot", status: "lost", amount: null, close_date: null }),
    ]);
  });

  it("maps contacts: the embedded name, the first of the e-mails, phones by kind, a string _id", async () => {
    const mapped = await mapCollection("contacts");
    expect(mapped.every((result) => result.ok)).toBe(true);
    expect(mapped.map((result) => result.ok && result.data)).toEqual([
      expect.objectContaining({
        source_id: crmIds.ada.toHexString(),
        account_id: crmIds.acme.toHexString(),
        first_name: "Ada",
        last_name: "Lovelace",
        email: "ada.lovelace@acme.example",
        phone: "+49 30 7654321",
        mobile_phone: "+49 170 1234567",
        mailing_city: "Berlin",
      }),
      expect.objectContaining({ source_id: "legacy-7731", first_name: "Grace", email: null, account_id: null }),
    ]);
  });
});
