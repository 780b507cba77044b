/** Valid canonical data and a valid event, for the canonical tests to vary one field at a time. */
import type { Account } from "../../workers/canonical/account";
import type { Contact } from "../../workers/canonical/contact";
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
