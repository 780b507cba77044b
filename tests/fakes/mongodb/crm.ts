/**
 * A small CRM database as an application on MongoDB keeps it (the shape of the MongoDB University / Atlas sample
 * CRM data: camelCase fields, embedded objects, arrays of embedded documents, `updatedAt` dates, money in
 * Decimal128). Tests seed it into the stand-in with `seedCrm`; the mappings in mappings/mongodb/ read it.
 */
import { Decimal128, type Document, Int32, Long, ObjectId } from "mongodb";

const at = (iso: string) => new Date(iso);
const oid = (n: number) => new ObjectId(`66a0000000000000000000${n.toString(16).padStart(2, "0")}`);

export const crmIds = {
  acme: oid(1),
  globex: oid(2),
  initech: oid(3),
  renewal: oid(17),
  expansion: oid(18),
  pilot: oid(19),
  ada: oid(33),
  grace: oid(34),
} as const;

export const crmAccounts: Document[] = [
  {
    _id: crmIds.acme,
    name: "  Acme Manufacturing ",
    industry: "Manufacturing",
    annualRevenue: Decimal128.fromString("5250000.50"),
    currency: "eur",
    employees: new Int32(1200),
    website: "https://ACME.example",
    phone: "+49 30 1234567",
    address: { street: "Hauptstr. 1", city: "Berlin", postalCode: "10115", country: "DE" },
    owner: { userId: oid(200), name: "Dana Scully", email: "dana@vendor.example" },
    tags: ["key-account", "emea"],
    createdAt: at("2024-02-01T09:00:00Z"),
    updatedAt: at("2026-03-01T10:00:00Z"),
  },
  {
    _id: crmIds.globex,
    name: "Globex",
    industry: "Energy",
    annualRevenue: Decimal128.fromString("750000"),
    currency: "USD",
    employees: Long.fromNumber(310),
    address: { city: "Springfield", country: "US" },
    owner: { userId: oid(201), name: "Fox Mulder" },
    tags: [],
    createdAt: at("2024-05-12T14:30:00Z"),
    updatedAt: at("2026-03-01T11:00:00Z"),
  },
  {
    // a lead-stage account: most fields not known yet
    _id: crmIds.initech,
    name: "Initech",
    createdAt: at("2025-11-20T08:00:00Z"),
    updatedAt: at("2026-03-02T08:00:00Z"),
  },
];

export const crmOpportunities: Document[] = [
  {
    _id: crmIds.renewal,
    accountId: crmIds.acme,
    name: "Acme renewal 2026",
    stage: "closed_won",
    amount: Decimal128.fromString("120000.00"),
    currency: "EUR",
    probability: 100,
    expectedCloseDate: at("2026-02-28T00:00:00Z"),
    type: "renewal",
    source: "referral",
    owner: { name: "Dana Scully" },
    lineItems: [
      { sku: "PLAT-1", quantity: 50, price: Decimal128.fromString("2000.00") },
      { sku: "SUP-1", quantity: 1, price: Decimal128.fromString("20000.00") },
    ],
    updatedAt: at("2026-03-01T12:00:00Z"),
  },
  {
    _id: crmIds.expansion,
    accountId: crmIds.globex,
    name: "Globex expansion",
    stage: "negotiation",
    amount: Decimal128.fromString("48500.75"),
    currency: "USD",
    probability: 60,
    expectedCloseDate: at("2026-06-30T00:00:00Z"),
    type: "new_business",
    owner: { name: "Fox Mulder" },
    lineItems: [],
    updatedAt: at("2026-03-02T09:00:00Z"),
  },
  {
    _id: crmIds.pilot,
    accountId: crmIds.initech,
    name: "Initech pilot",
    stage: "closed_lost",
    amount: null,
    probability: 0,
    updatedAt: at("2026-03-02T10:00:00Z"),
  },
];

export const crmContacts: Document[] = [
  {
    _id: crmIds.ada,
    accountId: crmIds.acme,
    name: { first: "Ada", last: "Lovelace" },
    emails: [
      { type: "work", address: " Ada.Lovelace@Acme.example " },
      { type: "home", address: "ada@home.example" },
    ],
    phones: { work: "+49 30 7654321", mobile: "+49 170 1234567" },
    title: "CTO",
    department: "Engineering",
    address: { city: "Berlin", country: "DE" },
    owner: { name: "Dana Scully" },
    updatedAt: at("2026-03-01T13:00:00Z"),
  },
  {
    // no email on file, a string _id (imported from another system) and no account yet
    _id: "legacy-7731",
    name: { first: "Grace", last: "Hopper" },
    emails: [],
    title: "Rear Admiral",
    updatedAt: at("2026-03-02T11:00:00Z"),
  },
];

export const crmCollections = { accounts: crmAccounts, opportunities: crmOpportunities, contacts: crmContacts } as const;
