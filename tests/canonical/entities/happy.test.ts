import { describe, expect, it } from "vitest";
import { entityFields, entitySchemas } from "../../../workers/canonical/entities";
import { account, contact, opportunity } from "../examples";

describe("canonical entities", () => {
  it.each([
    ["account", account],
    ["opportunity", opportunity],
    ["contact", contact],
  ] as const)("accepts a valid %s, unchanged", (entity, data) => {
    expect(entitySchemas[entity].parse(data)).toEqual(data);
  });

  it("has exactly the spec's fields, in the spec's order", () => {
    expect(entityFields("account")).toEqual(["source_id", "name", "industry", "annual_revenue", "currency", "employee_count", "website", "phone", "billing_city", "billing_country", "owner", "description", "created_at", "updated_at", "extras"]);
    expect(entityFields("opportunity")).toEqual(["source_id", "account_id", "name", "stage", "amount", "currency", "close_date", "probability", "status", "type", "lead_source", "owner", "description", "created_at", "updated_at", "extras"]);
    expect(entityFields("contact")).toEqual(["source_id", "account_id", "first_name", "last_name", "email", "phone", "mobile_phone", "title", "department", "mailing_city", "mailing_country", "owner", "created_at", "updated_at", "extras"]);
  });

  it.each([
    ["zero amount and probability", { ...opportunity, amount: 0, probability: 0 }],
    ["negative amount (a credit)", { ...opportunity, amount: -50.5 }],
    ["no amount, no currency", { ...opportunity, amount: null, currency: null }],
    ["won and lost", { ...opportunity, status: "won" as const }],
    ["leap day", { ...opportunity, close_date: "2024-02-29" }],
  ])("opportunity: %s", (_label, data) => {
    expect(entitySchemas.opportunity.safeParse(data).success).toBe(true);
  });

  it.each([
    ["only a first name", { ...contact, email: null, first_name: "Ada" }],
    ["only a last name", { ...contact, email: null, last_name: "Lovelace" }],
  ])("contact: %s", (_label, data) => {
    expect(entitySchemas.contact.safeParse(data).success).toBe(true);
  });
});
