/** Valid canonical data and a valid event, for the canonical tests to vary one field at a time. */
import type { Account } from "../../workers/canonical/account";
import type { Contact } from "../../workers/canonical/contact";
import type { Cost } from "../../workers/canonical/cost";
import type { CanonicalEvent } from "../../workers/canonical/event";
import type { Opportunity } from "../../workers/canonical/opportunity";

export const account: Account = {
  source_id: "001",
  name: "Acme",
  industry: "Manufacturing",
  annual_revenue: 1234567.89,
  currency: "EUR",
  employee_count: 0,
  website: "acme.example",
  phone: "+49 30 1",
  billing_city: "Berlin",
  billing_country: "Germany",
  owner: "Grace Hopper",
  description: null,
  created_at: "2024-01-15T10:30:00.000Z",
  updated_at: "2025-01-15T10:30:00Z",
  extras: { Rating: "Hot", Owner: { Email: "g@acme.example" } },
};

export const opportunity: Opportunity = {
  source_id: "006",
  account_id: "001",
  name: "Widgets",
  stage: "Negotiation",
  amount: 0,
  currency: "USD",
  close_date: "2025-12-31",
  probability: 100,
  status: "open",
  type: null,
  lead_source: null,
  owner: null,
  description: null,
  created_at: null,
  updated_at: null,
  extras: {},
};

export const contact: Contact = {
  source_id: "003",
  account_id: null,
  first_name: null,
  last_name: null,
  email: "ada@acme.example",
  phone: null,
  mobile_phone: null,
  title: null,
  department: null,
  mailing_city: null,
  mailing_country: null,
  owner: null,
  created_at: null,
  updated_at: null,
  extras: {},
};

export const cost: Cost = {
  source_id: "row_0123456789abcdef",
  billed_cost: 2.304,
  effective_cost: 1.6128,
  list_cost: 2.304,
  billing_currency: "USD",
  charge_period_start: "2024-09-14T00:00:00.000Z",
  charge_period_end: "2024-09-15T00:00:00.000Z",
  billing_period_start: "2024-09-01T00:00:00.000Z",
  billing_period_end: "2024-10-01T00:00:00.000Z",
  charge_category: "Usage",
  charge_description: "$0.096 per On Demand Linux m5.large Instance Hour",
  provider_name: "AWS",
  publisher_name: "AWS",
  service_name: "Amazon Elastic Compute Cloud",
  service_category: "Compute",
  billing_account_id: "123456789012",
  sub_account_id: "210987654321",
  sub_account_name: "acme-prod",
  resource_id: "arn:aws:ec2:us-east-1:210987654321:instance/i-0a1b2c3d4e5f60718",
  resource_name: "payments-api-1",
  region_id: "us-east-1",
  sku_id: "JRTCKXETXF-6YS6EN2CT7",
  consumed_quantity: 24,
  consumed_unit: "Hours",
  tags: { env: "prod", team: "payments" },
  extras: { ContractedCost: "2.304" },
};

export const event: CanonicalEvent = {
  meta: {
    version: 1,
    tenant_id: "ten_1",
    trace_id: "4bf92f3577b34da6a3ce929d0e0e4736",
    event_id: "evt_0123456789abcdef0123456789abcdef",
    emitted_at: "2026-11-26T00:00:00.000Z",
    mapping_version: "salesforce/Opportunity@1#0123456789ab",
    op: "upsert",
  },
  source: { system: "salesforce", connection_id: "con_1", object: "Opportunity", record_id: "006", cursor: "2026-11-25T23:59:59Z" },
  entity: "opportunity",
  data: opportunity,
};
